import { Injectable, OnModuleInit } from '@nestjs/common';
import { invalid } from '../common/errors/app-error';
import { type Page, type PageQueryDto, encodeCursor, pageRequest } from '../common/pagination/page';
import { tagsIn } from '../common/text/caption-parser';
import type { PostDto } from '../posts/dto/post.dto';
import { PostReadsService } from '../posts/post-reads.service';
import type { Viewer } from '../common/http/viewer.decorator';
import { UsersService } from '../users/users.service';
import type { TagDto } from './dto/tag.dto';
import { type TaggedPost, TagsRepository } from './tags.repository';

export interface PublishedCaption extends TaggedPost {
  caption: string | null;
}

/** Hashtags: which published posts carry which tag, and how many. */
@Injectable()
export class TagsService implements OnModuleInit {
  constructor(
    private readonly tags: TagsRepository,
    private readonly posts: PostReadsService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.users.onAccountDeletion((userId) => this.tags.detachAllOfAuthor(userId));
  }

  /**
   * In the caller's transaction: makes the post's tags those of its caption (a published post
   * whose caption was written or edited), adjusting each tag's count. `fresh`: the post has
   * none recorded yet (just published), so there is nothing to read back.
   */
  async index(post: PublishedCaption, fresh = false): Promise<void> {
    const names = tagsIn(post.caption);
    if (fresh && names.length === 0) return;
    const wanted = await this.tags.idsOf(names, new Date());
    const current = new Set(fresh ? [] : await this.tags.tagIdsOfPost(post.postId));
    const wantedIds = new Set(wanted.values());
    await this.tags.detach(
      post.postId,
      [...current].filter((id) => !wantedIds.has(id)),
    );
    await this.tags.attach(
      { postId: post.postId, authorId: post.authorId, createdAt: post.createdAt },
      [...wantedIds].filter((id) => !current.has(id)),
    );
  }

  /** In the caller's transaction, before the post's row goes: it leaves its tags' counts. */
  async unindex(postId: string): Promise<void> {
    await this.tags.detach(postId, await this.tags.tagIdsOfPost(postId));
  }

  async get(raw: string): Promise<TagDto> {
    const name = nameOf(raw);
    const tag = await this.tags.findByName(name);
    return { name, postCount: tag?.postCount ?? 0 };
  }

  /** Published posts with the tag, newest first, in one statement; an unused tag has an empty page. */
  async postPage(raw: string, query: PageQueryDto, viewer?: Viewer): Promise<Page<PostDto>> {
    const request = pageRequest(query);
    const page = await this.posts.sourcedPage(
      this.tags.postSource(nameOf(raw), request),
      'tag',
      request.limit,
      viewer,
    );
    return {
      items: page.items,
      nextCursor: page.more && page.last ? encodeCursor(page.last) : null,
    };
  }

  async searchByPrefix(key: string, limit: number): Promise<TagDto[]> {
    const tags = await this.tags.searchByPrefix(key, limit);
    return tags.map((tag) => ({ name: tag.name, postCount: tag.postCount }));
  }
}

/** `#Paris` and `paris` name the same tag. */
function nameOf(raw: string): string {
  const [name] = tagsIn(raw.startsWith('#') ? raw : `#${raw}`);
  if (!name)
    throw invalid([{ field: 'tag', message: 'tag must be letters, digits or _ (up to 100)' }]);
  return name;
}
