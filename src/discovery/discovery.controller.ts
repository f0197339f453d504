import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQueryDto } from '../common/pagination/page';
import { PostPageDto } from '../posts/dto/post.dto';
import { SearchQueryDto, SearchResultDto } from './dto/search.dto';
import { SuggestionsDto } from './dto/suggestions.dto';
import { TagDto, TagParamsDto } from './dto/tag.dto';
import { ExploreService } from './explore.service';
import { SearchService } from './search.service';
import { SuggestionsService } from './suggestions.service';
import { TagsService } from './tags.service';

@ApiTags('discovery')
@Controller()
export class DiscoveryController {
  constructor(
    private readonly tags: TagsService,
    private readonly searches: SearchService,
    private readonly explore: ExploreService,
    private readonly suggestions: SuggestionsService,
  ) {}

  @Get('tags/:tag')
  @ApiOperation({ summary: 'A hashtag and how many published posts carry it (0 when unused)' })
  @ApiOkResponse({ type: TagDto })
  @ApiProblems(400)
  tag(@Param() params: TagParamsDto): Promise<TagDto> {
    return this.tags.get(params.tag);
  }

  @Get('tags/:tag/posts')
  @ApiOperation({ summary: 'Published posts with a hashtag, newest first' })
  @ApiOkResponse({ type: PostPageDto })
  @ApiProblems(400)
  tagPosts(
    @Param() params: TagParamsDto,
    @Query() query: PageQueryDto,
    @Viewer() viewer?: Viewer,
  ): Promise<PostPageDto> {
    return this.tags.postPage(params.tag, query, viewer);
  }

  @Get('search')
  @ApiOperation({
    summary: 'People (username, first or last name) and hashtags by prefix',
    description: 'Case- and accent-insensitive; up to 10 of each.',
  })
  @ApiOkResponse({ type: SearchResultDto })
  @ApiProblems(400)
  search(@Query() query: SearchQueryDto, @Viewer() viewer?: Viewer): Promise<SearchResultDto> {
    return this.searches.search(query.q, viewer);
  }

  @Get('explore')
  @ApiOperation({
    summary: 'Recent posts ranked by engagement',
    description:
      'Likes and comments of the last 7 days, decayed by age, at most three posts per author; refreshed every EXPLORE_REFRESH_SECONDS. The newest posts while nothing has engagement.',
  })
  @ApiOkResponse({ type: PostPageDto })
  @ApiProblems(400)
  explorePage(@Query() query: PageQueryDto, @Viewer() viewer?: Viewer): Promise<PostPageDto> {
    return this.explore.page(query, viewer);
  }

  @Get('users/suggested')
  @SignedIn()
  @ApiOperation({
    summary: 'Up to 20 people to follow',
    description:
      'Followed by the people you follow (the 200 you followed most recently; most shared first), then the most followed; never yourself, anyone you follow, block, mute or are blocked by.',
  })
  @ApiOkResponse({ type: SuggestionsDto })
  @ApiProblems(401)
  suggested(@Viewer() viewer: Viewer): Promise<SuggestionsDto> {
    return this.suggestions.for(viewer);
  }
}
