import { Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQueryDto } from '../common/pagination/page';
import { RateLimited } from '../common/throttling/rate-limited.decorator';
import { UserSummaryPageDto } from '../users/dto/user.dto';
import { FollowRequestedDto } from './dto/follow-outcome.dto';
import { FollowsService } from './follows.service';

@ApiTags('users')
@Controller('users/:username')
export class FollowsController {
  constructor(private readonly follows: FollowsService) {}

  @Put('follow')
  @HttpCode(204)
  @SignedIn()
  @RateLimited('follows')
  @ApiOperation({
    summary: 'Follow a user (idempotent); following yourself is 400',
    description:
      'A private account answers 202 `{status: "requested"}` (again while the request is pending) until it accepts. ' +
      'Someone who blocks you is 404, as their profile is; someone you block is 403.',
  })
  @ApiNoContentResponse({ description: 'You follow them' })
  @ApiAcceptedResponse({ type: FollowRequestedDto, description: 'A request they must accept' })
  @ApiProblems(400, 401, 403, 404, 429)
  async follow(
    @Viewer() viewer: Viewer,
    @Param('username') username: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FollowRequestedDto | undefined> {
    const outcome = await this.follows.follow(viewer, username);
    if (outcome.status === 'following') return undefined;
    res.status(202);
    return outcome;
  }

  @Delete('follow')
  @HttpCode(204)
  @SignedIn()
  @RateLimited('follows')
  @ApiOperation({ summary: 'Stop following a user, or withdraw your request (idempotent)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 429)
  unfollow(@Viewer() viewer: Viewer, @Param('username') username: string): Promise<void> {
    return this.follows.unfollow(viewer, username);
  }

  @Get('followers')
  @ApiOperation({
    summary: 'Who follows this user, newest first',
    description:
      'Empty for a private account unless you follow it, and for someone you block; 404 when the profile is hidden from you.',
  })
  @ApiOkResponse({ type: UserSummaryPageDto })
  @ApiProblems(400, 404)
  followers(
    @Param('username') username: string,
    @Query() query: PageQueryDto,
    @Viewer() viewer?: Viewer,
  ): Promise<UserSummaryPageDto> {
    return this.follows.followers(username, query, viewer);
  }

  @Get('following')
  @ApiOperation({
    summary: 'Whom this user follows, newest first',
    description:
      'Empty for a private account unless you follow it, and for someone you block; 404 when the profile is hidden from you.',
  })
  @ApiOkResponse({ type: UserSummaryPageDto })
  @ApiProblems(400, 404)
  following(
    @Param('username') username: string,
    @Query() query: PageQueryDto,
    @Viewer() viewer?: Viewer,
  ): Promise<UserSummaryPageDto> {
    return this.follows.following(username, query, viewer);
  }
}
