import { Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQueryDto } from '../common/pagination/page';
import { RateLimited } from '../common/throttling/rate-limited.decorator';
import { BlocksService } from './blocks.service';
import { UserSummaryPageDto } from '../users/dto/user.dto';
import { MutesService } from './mutes.service';

/** Blocks and mutes. */
@ApiTags('users')
@Controller('users')
@SignedIn()
export class RelationsController {
  constructor(
    private readonly blocks: BlocksService,
    private readonly mutes: MutesService,
  ) {}

  @Get('me/blocks')
  @ApiOperation({ summary: 'The people you block, newest first' })
  @ApiOkResponse({ type: UserSummaryPageDto })
  @ApiProblems(400, 401)
  blocked(@Viewer() viewer: Viewer, @Query() query: PageQueryDto): Promise<UserSummaryPageDto> {
    return this.blocks.page(viewer, query);
  }

  @Get('me/mutes')
  @ApiOperation({ summary: 'The people you mute, newest first' })
  @ApiOkResponse({ type: UserSummaryPageDto })
  @ApiProblems(400, 401)
  muted(@Viewer() viewer: Viewer, @Query() query: PageQueryDto): Promise<UserSummaryPageDto> {
    return this.mutes.page(viewer, query);
  }

  @Put(':username/block')
  @HttpCode(204)
  @RateLimited('relations')
  @ApiOperation({
    summary: 'Block a user (idempotent); yourself is 400',
    description:
      'Ends your follows both ways and pending requests. Neither of you sees the other’s posts, comments or likes, ' +
      'nor can follow, like, comment on or mention the other; they get 404 for your profile.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404, 429)
  block(@Viewer() viewer: Viewer, @Param('username') username: string): Promise<void> {
    return this.blocks.block(viewer, username);
  }

  @Delete(':username/block')
  @HttpCode(204)
  @RateLimited('relations')
  @ApiOperation({ summary: 'Unblock a user (idempotent); follows ended by the block stay ended' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404, 429)
  unblock(@Viewer() viewer: Viewer, @Param('username') username: string): Promise<void> {
    return this.blocks.unblock(viewer, username);
  }

  @Put(':username/mute')
  @HttpCode(204)
  @RateLimited('relations')
  @ApiOperation({
    summary: 'Mute a user (idempotent); yourself is 400',
    description:
      'Their posts leave your feeds, explore and tag pages, and their notifications stop. They cannot tell.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404, 429)
  mute(@Viewer() viewer: Viewer, @Param('username') username: string): Promise<void> {
    return this.mutes.mute(viewer, username);
  }

  @Delete(':username/mute')
  @HttpCode(204)
  @RateLimited('relations')
  @ApiOperation({ summary: 'Unmute a user (idempotent); their posts return to your home feed' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404, 429)
  unmute(@Viewer() viewer: Viewer, @Param('username') username: string): Promise<void> {
    return this.mutes.unmute(viewer, username);
  }
}
