import { Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQueryDto } from '../common/pagination/page';
import { RateLimited } from '../common/throttling/rate-limited.decorator';
import { UserSummaryPageDto } from './dto/user.dto';
import { FollowsService } from './follows.service';

@ApiTags('users')
@Controller('users/:username')
export class FollowsController {
  constructor(private readonly follows: FollowsService) {}

  @Put('follow')
  @HttpCode(204)
  @SignedIn()
  @RateLimited('follows')
  @ApiOperation({ summary: 'Follow a user (idempotent); following yourself is 400' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 429)
  follow(@Viewer() viewer: Viewer, @Param('username') username: string): Promise<void> {
    return this.follows.follow(viewer, username);
  }

  @Delete('follow')
  @HttpCode(204)
  @SignedIn()
  @RateLimited('follows')
  @ApiOperation({ summary: 'Stop following a user (idempotent)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 429)
  unfollow(@Viewer() viewer: Viewer, @Param('username') username: string): Promise<void> {
    return this.follows.unfollow(viewer, username);
  }

  @Get('followers')
  @ApiOperation({ summary: 'Who follows this user, newest first' })
  @ApiOkResponse({ type: UserSummaryPageDto })
  @ApiProblems(400, 404)
  followers(
    @Param('username') username: string,
    @Query() query: PageQueryDto,
  ): Promise<UserSummaryPageDto> {
    return this.follows.followers(username, query);
  }

  @Get('following')
  @ApiOperation({ summary: 'Whom this user follows, newest first' })
  @ApiOkResponse({ type: UserSummaryPageDto })
  @ApiProblems(400, 404)
  following(
    @Param('username') username: string,
    @Query() query: PageQueryDto,
  ): Promise<UserSummaryPageDto> {
    return this.follows.following(username, query);
  }
}
