import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQueryDto } from '../common/pagination/page';
import { RateLimited } from '../common/throttling/rate-limited.decorator';
import { CommentsService } from './comments.service';
import { CommentDto, CommentPageDto, CreateCommentDto } from './dto/comment.dto';
import { LikesService } from './likes.service';
import { UserSummaryPageDto } from '../users/dto/user.dto';

/** Likes and comments on a post. */
@ApiTags('posts')
@Controller('posts/:id')
export class InteractionsController {
  constructor(
    private readonly likes: LikesService,
    private readonly comments: CommentsService,
  ) {}

  @Put('like')
  @HttpCode(204)
  @SignedIn()
  @RateLimited('likes')
  @ApiOperation({ summary: 'Like a post (idempotent)' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404, 429)
  like(@Viewer() viewer: Viewer, @Param('id') id: string): Promise<void> {
    return this.likes.like(viewer, id);
  }

  @Delete('like')
  @HttpCode(204)
  @SignedIn()
  @RateLimited('likes')
  @ApiOperation({ summary: 'Take back a like (idempotent)' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404, 429)
  unlike(@Viewer() viewer: Viewer, @Param('id') id: string): Promise<void> {
    return this.likes.unlike(viewer, id);
  }

  @Get('likes')
  @ApiOperation({ summary: 'Who liked a post ("liked by"), newest first' })
  @ApiOkResponse({ type: UserSummaryPageDto })
  @ApiProblems(400, 404)
  likers(
    @Viewer() viewer: Viewer | undefined,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<UserSummaryPageDto> {
    return this.likes.likers(id, viewer, query);
  }

  @Get('comments')
  @ApiOperation({ summary: 'A post’s comments, oldest first' })
  @ApiOkResponse({ type: CommentPageDto })
  @ApiProblems(400, 404)
  listComments(
    @Param('id') id: string,
    @Query() query: PageQueryDto,
    @Viewer() viewer?: Viewer,
  ): Promise<CommentPageDto> {
    return this.comments.list(id, query, viewer);
  }

  @Post('comments')
  @SignedIn()
  @RateLimited('comments')
  @ApiOperation({ summary: 'Comment on a post' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404, 429)
  comment(
    @Viewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.add(viewer, id, dto);
  }

  @Delete('comments/:commentId')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Delete a comment (its author or the post’s owner)' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  deleteComment(
    @Viewer() viewer: Viewer,
    @Param('id') id: string,
    @Param('commentId') commentId: string,
  ): Promise<void> {
    return this.comments.remove(viewer, id, commentId);
  }
}
