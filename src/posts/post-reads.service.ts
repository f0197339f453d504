import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors/app-error';
import type { Viewer } from '../common/http/viewer.decorator';
import { type Page, type PageQueryDto, pageRequest, toPage } from '../common/pagination/page';
import { type PostList, VisibilityPolicy } from '../relations/visibility.policy';
import { UsersService } from '../users/users.service';
import { PostDto } from './dto/post.dto';
import { PostPagesRepository } from './post-pages.repository';
import { PostPresenter } from './post-presenter';
import type { PageScope, PostRecord, PostSource } from './post-record';
import { TimelineService } from './timeline/timeline.service';

/**
 * Posts as clients read them: one by id, and every list of them (the public feed, a profile's,
 * the home feed, a page of another module's ranked list). Each is one statement under the
 * visibility policy's condition (PostPagesRepository), presented by PostPresenter.
 */
@Injectable()
export class PostReadsService {
  constructor(
    private readonly postPages: PostPagesRepository,
    private readonly presenter: PostPresenter,
    private readonly users: UsersService,
    private readonly timeline: TimelineService,
    private readonly visibility: VisibilityPolicy,
  ) {}

  /**
   * A post by id in one statement, under the visibility policy's condition: a 404 when it is
   * gone or hidden (a post not yet published is its author's; nobody in a block with its
   * author sees it; a mute does not hide it here).
   */
  async get(id: string, viewer?: Viewer): Promise<PostDto> {
    const post = await this.postPages.byId(id, this.scope(viewer, 'by-id'));
    if (!post) throw notFound('Post');
    const [presented] = await this.presenter.present([post], viewer);
    if (!presented) throw notFound('Post');
    return presented;
  }

  /** Everyone's published posts the viewer may see, newest first. */
  async publicFeed(query: PageQueryDto, viewer?: Viewer): Promise<Page<PostDto>> {
    const page = pageRequest(query);
    const records = await this.postPages.publicPage(page, this.scope(viewer, 'public-feed'));
    return this.presentPage(records, page.limit, viewer);
  }

  /**
   * Published posts; the author also sees their posts still processing or failed. One
   * statement under the visibility condition; an empty page asks the policy about the user:
   * a 404 when there is nobody by that name or they are hidden from the viewer (they block
   * the viewer, or are suspended); empty when the viewer sees the profile only (a private
   * account they do not follow, someone they block).
   */
  async byUser(username: string, query: PageQueryDto, viewer?: Viewer): Promise<Page<PostDto>> {
    const page = pageRequest(query);
    const records = await this.postPages.authorPage(
      username.trim().toLowerCase(),
      page,
      this.scope(viewer, 'profile'),
    );
    if (records.length === 0) {
      const author = await this.users.findByUsernameOrFail(username);
      await this.visibility.assertProfile(viewer, author);
    }
    return this.presentPage(records, page.limit, viewer);
  }

  /**
   * The viewer's posts and those of the people they follow, newest first: a page of their
   * timeline (fan-out on write) with the posts of the large accounts they follow merged in, in
   * one statement whatever the number of people followed; muted and suspended authors left out.
   */
  async homeFeed(viewer: Viewer, query: PageQueryDto): Promise<Page<PostDto>> {
    const page = pageRequest(query);
    const merged = await this.timeline.mergedAuthors(viewer.id);
    return this.presentPage(
      await this.postPages.homePage(viewer.id, page, merged, this.scope(viewer, 'home-feed')),
      page.limit,
      viewer,
    );
  }

  /**
   * A page of another module's ranked list of posts (a tag's, explore's), in one statement:
   * published posts the viewer may see in that list, in the source's order, with whether there
   * are more (the source reads one row past its page) and the last shown, for the next cursor.
   */
  async sourcedPage(
    source: PostSource,
    list: Extract<PostList, 'tag' | 'explore'>,
    pageSize: number,
    viewer?: Viewer,
  ): Promise<{ items: PostDto[]; last: PostRecord | null; more: boolean }> {
    const records = await this.postPages.sourcedPage(source, this.scope(viewer, list));
    const shown = records.slice(0, pageSize);
    return {
      items: await this.presenter.present(shown, viewer),
      last: shown[shown.length - 1] ?? null,
      more: records.length > pageSize,
    };
  }

  /** A small image of each of these posts (for notifications), in one query; gone posts are absent. */
  async thumbnails(ids: string[]): Promise<Map<string, string | null>> {
    const presented = await this.presenter.present(await this.postPages.byIds(ids));
    return new Map(
      presented.map((post) => [post.id, post.image.variants[0]?.url ?? (post.image.url || null)]),
    );
  }

  /** What a page is read under for this viewer: the policy's condition, and their likes. */
  private scope(viewer: Viewer | undefined, list: PostList): PageScope {
    return { condition: this.visibility.postsCondition(viewer, list), viewerId: viewer?.id };
  }

  private async presentPage(
    rows: PostRecord[],
    limit: number,
    viewer?: Viewer,
  ): Promise<Page<PostDto>> {
    const page = toPage(rows, limit, (visible) => visible);
    return { items: await this.presenter.present(page.items, viewer), nextCursor: page.nextCursor };
  }
}
