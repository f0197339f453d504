import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQueryDto } from '../common/pagination/page';
import { FollowRequestsService } from './follow-requests.service';
import { UserSummaryPageDto } from '../users/dto/user.dto';

/** Requests to follow your private account. */
@ApiTags('users')
@Controller('users/me/follow-requests')
@SignedIn()
export class FollowRequestsController {
  constructor(private readonly requests: FollowRequestsService) {}

  @Get()
  @ApiOperation({ summary: 'The people asking to follow you, newest first' })
  @ApiOkResponse({ type: UserSummaryPageDto })
  @ApiProblems(400, 401)
  list(@Viewer() viewer: Viewer, @Query() query: PageQueryDto): Promise<UserSummaryPageDto> {
    return this.requests.page(viewer, query);
  }

  @Post(':username/accept')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Accept a follow request: they follow you (and are told so)',
    description: '404 when that user has no pending request.',
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 404)
  accept(@Viewer() viewer: Viewer, @Param('username') username: string): Promise<void> {
    return this.requests.accept(viewer, username);
  }

  @Post(':username/decline')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Decline a follow request (they may ask again)',
    description: '404 when that user has no pending request.',
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 404)
  decline(@Viewer() viewer: Viewer, @Param('username') username: string): Promise<void> {
    return this.requests.decline(viewer, username);
  }
}
