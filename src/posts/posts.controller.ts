import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { CreatePostDto } from './dto/create-post.dto';
import { PostDto, PostPageDto } from './dto/post.dto';
import { UpdatePostDto } from './dto/update-post.dto';
import { PostsService } from './posts.service';

@ApiTags('posts')
@Controller()
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Post('posts')
  @SignedIn()
  @ApiOperation({
    summary: 'Publish an uploaded image as a post',
    description:
      'The upload is checked in storage (size, magic bytes, dimensions); a file that fails is deleted and answered 422.',
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
    return this.posts.publicFeed(query, viewer);
  }

  @Get('feed')
  @SignedIn()
  @ApiOperation({
    summary: 'The home feed: your posts and those of the people you follow, newest first',
  })
  @ApiOkResponse({ type: PostPageDto })
  @ApiProblems(400, 401)
  homeFeed(@Viewer() viewer: Viewer, @Query() query: PageQueryDto): Promise<PostPageDto> {
    return this.posts.homeFeed(viewer, query);
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
    return this.posts.byUser(username, query, viewer);
  }

  @Get('posts/:id')
  @ApiOperation({ summary: 'One post' })
  @ApiOkResponse({ type: PostDto })
  @ApiProblems(404)
  get(@Param('id') id: string, @Viewer() viewer?: Viewer): Promise<PostDto> {
    return this.posts.get(id, viewer);
  }

  @Patch('posts/:id')
  @SignedIn()
  @ApiOperation({ summary: 'Edit the caption or alt text of your post' })
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
  @ApiOperation({ summary: 'Delete your post; its image is removed from storage' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  delete(@Viewer() viewer: Viewer, @Param('id') id: string): Promise<void> {
    return this.posts.delete(viewer, id);
  }
}
