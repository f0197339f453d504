import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Redirect,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQueryDto } from '../common/pagination/page';
import { CreatePostDto } from './dto/create-post.dto';
import { PostDto, PostPageDto } from './dto/post.dto';
import { UpdatePostDto } from './dto/update-post.dto';
import { PostReadsService } from './post-reads.service';
import { PostsService } from './posts.service';

@ApiTags('posts')
@Controller()
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly reads: PostReadsService,
  ) {}

  @Post('posts')
  @SignedIn()
  @ApiOperation({
    summary: 'Publish 1 to 20 uploaded photos as a post',
    description:
      'Each upload is checked in storage (size, magic bytes, dimensions); a file that fails is deleted and answered 422. ' +
      'The post is `processing` (seen by its author alone) until every photo has its variants, then `published`; ' +
      'a photo that cannot be processed makes it `failed`, with the reason.',
  })
  @ApiCreatedResponse({ type: PostDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 503)
  create(@Viewer() viewer: Viewer, @Body() dto: CreatePostDto): Promise<PostDto> {
    return this.posts.create(viewer, dto);
  }

  @Get('posts')
  @ApiOperation({ summary: 'The public feed: everyone’s posts, newest first' })
  @ApiOkResponse({ type: PostPageDto })
  @ApiProblems(400)
  publicFeed(@Query() query: PageQueryDto, @Viewer() viewer?: Viewer): Promise<PostPageDto> {
    return this.reads.publicFeed(query, viewer);
  }

  @Get('feed')
  @SignedIn()
  @ApiOperation({
    summary: 'The home feed: your posts and those of the people you follow, newest first',
  })
  @ApiOkResponse({ type: PostPageDto })
  @ApiProblems(400, 401)
  homeFeed(@Viewer() viewer: Viewer, @Query() query: PageQueryDto): Promise<PostPageDto> {
    return this.reads.homeFeed(viewer, query);
  }

  @Get('users/:username/posts')
  @ApiOperation({ summary: 'One user’s posts, newest first' })
  @ApiOkResponse({ type: PostPageDto })
  @ApiProblems(400, 404)
  byUser(
    @Param('username') username: string,
    @Query() query: PageQueryDto,
    @Viewer() viewer?: Viewer,
  ): Promise<PostPageDto> {
    return this.reads.byUser(username, query, viewer);
  }

  @Get('posts/:id')
  @ApiOperation({ summary: 'One post' })
  @ApiOkResponse({ type: PostDto })
  @ApiProblems(404)
  get(@Param('id') id: string, @Viewer() viewer?: Viewer): Promise<PostDto> {
    return this.reads.get(id, viewer);
  }

  @Get('posts/:id/media/:mediaId/original')
  @Redirect(undefined, 302)
  @ApiOperation({
    summary: 'Your photo as you uploaded it',
    description:
      'Redirects to a five-minute URL of the untouched original (metadata included). Its author only: 404 for anyone else, signed in or not.',
  })
  @ApiFoundResponse({ description: 'Location: the original' })
  @ApiProblems(404)
  original(
    @Param('id') id: string,
    @Param('mediaId') mediaId: string,
    @Viewer() viewer?: Viewer,
  ): Promise<{ url: string }> {
    return this.posts.originalUrl(id, mediaId, viewer);
  }

  @Patch('posts/:id')
  @SignedIn()
  @ApiOperation({
    summary: 'Edit the caption of your post, or the alt text of its first photo',
  })
  @ApiOkResponse({ type: PostDto })
  @ApiProblems(400, 401, 403, 404)
  update(
    @Viewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() dto: UpdatePostDto,
  ): Promise<PostDto> {
    return this.posts.update(viewer, id, dto);
  }

  @Delete('posts/:id')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary: 'Delete your post; its photos (originals and variants) are removed from storage',
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  delete(@Viewer() viewer: Viewer, @Param('id') id: string): Promise<void> {
    return this.posts.delete(viewer, id);
  }
}
