import { Injectable, OnModuleInit } from '@nestjs/common';
import { forbidden, notFound } from '../common/errors/app-error';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest, toPage } from '../common/pagination/page';
import type { Viewer } from '../common/http/viewer.decorator';
import { DomainEvents } from '../common/events/domain-events';
import { mentionsIn, tagsIn } from '../common/text/caption-parser';
import { TransactionHost } from '../database/transaction-host';
import { ImagePresenter } from '../images/image-presenter';
import { ImagesService } from '../images/images.service';
import { UploadsService } from '../images/uploads.service';
import { ProfilesService } from '../users/profiles.service';
import { UsersService } from '../users/users.service';
import { CreatePostDto } from './dto/create-post.dto';
import { PostDto } from './dto/post.dto';
import { UpdatePostDto } from './dto/update-post.dto';
import { Post } from './entities/post.entity';
import { CommentsRepository } from './comments.repository';
import type { Engagement } from './engagement';
import { LikesRepository } from './likes.repository';
import { PostsRepository } from './posts.repository';
import { TimelineService } from './timeline/timeline.service';

@Injectable()
export class PostsService implements OnModuleInit {
  constructor(
    private readonly postsRepository: PostsRepository,
    private readonly likesRepository: LikesRepository,
    private readonly commentsRepository: CommentsRepository,
    private readonly uploads: UploadsService,
    private readonly images: ImagesService,
    private readonly imagePresenter: ImagePresenter,
    private readonly users: UsersService,
    private readonly profiles: ProfilesService,
    private readonly timeline: TimelineService,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.users.onAccountDeletion((userId) => this.postsRepository.removeAllOf(userId));
  }

  /** Verifies the upload in storage first, then attaches it and creates the post in one transaction. */
  async create(viewer: Viewer, dto: CreatePostDto): Promise<PostDto> {
    const image = await this.uploads.verifyUpload(viewer.id, dto.uploadId, 'uploadId');
    const now = new Date();
    const post = Object.assign(new Post(), {
      id: newId(),
      authorId: viewer.id,
      imageId: image.id,
      caption: dto.caption ?? null,
      altText: dto.altText ?? null,
      likeCount: 0,
      commentCount: 0,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.run(async () => {
      await this.images.attach(image);
      await this.postsRepository.insert(post);
      await this.users.adjustPostCount(viewer.id, 1);
      // Nothing to process yet: the post is published as it is created.
      await this.events.emit('post.published', { postId: post.id, authorId: viewer.id });
    });
    return this.presentOne(post, viewer);
  }

  async get(id: string, viewer?: Viewer): Promise<PostDto> {
    return this.presentOne(await this.findOrFail(id), viewer);
  }

  async publicFeed(query: PageQueryDto, viewer?: Viewer): Promise<Page<PostDto>> {
    const page = pageRequest(query);
    return this.presentPage(await this.postsRepository.findPublicPage(page), page.limit, viewer);
  }

  async byUser(username: string, query: PageQueryDto, viewer?: Viewer): Promise<Page<PostDto>> {
    const page = pageRequest(query);
    const author = await this.users.findByUsernameOrFail(username);
    return this.presentPage(
      await this.postsRepository.findAuthorPage(author.id, page),
      page.limit,
      viewer,
    );
  }

  /**
   * The viewer's posts and those of the people they follow, newest first: a page of their
   * timeline (fan-out on write), whatever the number of people followed.
   */
  async homeFeed(viewer: Viewer, query: PageQueryDto): Promise<Page<PostDto>> {
    const page = pageRequest(query);
    const positions = await this.timeline.homePage(viewer.id, page);
    const posts = new Map(
      (await this.postsRepository.findByIds(positions.map((position) => position.id))).map(
        (post) => [post.id, post],
      ),
    );
    const rows = positions.flatMap((position) => posts.get(position.id) ?? []);
    return this.presentPage(rows, page.limit, viewer);
  }

  /**
   * Posts by id, in the order given, for lists other modules rank (tags, explore); ids that
   * are gone are left out.
   */
  async listByIds(ids: string[], viewer?: Viewer): Promise<PostDto[]> {
    const rows = new Map(
      (await this.postsRepository.findByIds(ids)).map((post) => [post.id, post]),
    );
    return this.present(
      ids.flatMap((id) => rows.get(id) ?? []),
      viewer,
    );
  }

  /** A small image of each of these posts (for notifications), in two queries; gone posts are absent. */
  async thumbnails(ids: string[]): Promise<Map<string, string | null>> {
    const posts = await this.postsRepository.findByIds([...new Set(ids)]);
    const images = await this.imagePresenter.describe(posts.map((post) => post.imageId));
    return new Map(posts.map((post) => [post.id, images.get(post.imageId)?.url ?? null]));
  }

  /** Likes and comments since then (at most `limit` of each, the newest), for explore's ranking. */
  async recentEngagement(
    since: Date,
    limit: number,
  ): Promise<{ likes: Engagement[]; comments: Engagement[] }> {
    const [likes, comments] = await Promise.all([
      this.likesRepository.since(since, limit),
      this.commentsRepository.since(since, limit),
    ]);
    return { likes, comments };
  }

  /**
   * What other modules index of a post (its tags, whom it mentions): its author, caption and
   * time; null when it is gone.
   */
  async publishedCaption(
    id: string,
  ): Promise<{ authorId: string; caption: string | null; createdAt: Date } | null> {
    const post = await this.postsRepository.findById(id);
    return post
      ? { authorId: post.authorId, caption: post.caption, createdAt: post.createdAt }
      : null;
  }

  /** For the likes and comments services: the post, or a 404. */
  async findOrFail(id: string): Promise<Post> {
    const post = await this.postsRepository.findById(id);
    if (!post) throw notFound('Post');
    return post;
  }

  async update(viewer: Viewer, id: string, dto: UpdatePostDto): Promise<PostDto> {
    const post = await this.findOwnOrFail(viewer, id);
    const changes: Partial<Pick<Post, 'caption' | 'altText'>> = {};
    if (dto.caption !== undefined) changes.caption = dto.caption;
    if (dto.altText !== undefined) changes.altText = dto.altText;
    if (Object.keys(changes).length > 0) {
      await this.db.run(async () => {
        await this.postsRepository.update(post.id, changes, new Date());
        if (changes.caption !== undefined)
          await this.events.emit('post.updated', { postId: post.id, authorId: post.authorId });
      });
    }
    return this.get(post.id, viewer);
  }

  /** The row and its image go in one transaction; the object follows through the outbox. */
  async delete(viewer: Viewer, id: string): Promise<void> {
    await this.remove(await this.findOwnOrFail(viewer, id));
  }

  /** A moderator's removal (the caller checked the role); a post already gone is a no-op. */
  async removeForModeration(id: string): Promise<void> {
    const post = await this.postsRepository.findById(id);
    if (post) await this.remove(post);
  }

  private async remove(post: Post): Promise<void> {
    await this.db.run(async () => {
      // A second delete racing the first finds nothing to do (and moves no counter twice).
      if (!(await this.db.lockExisting(Post, [post.id])).has(post.id)) throw notFound('Post');
      await this.postsRepository.delete(post.id);
      await this.images.discard([post.imageId]);
      await this.users.adjustPostCount(post.authorId, -1);
      await this.events.emit('post.deleted', { postId: post.id, authorId: post.authorId });
    });
  }

  private async findOwnOrFail(viewer: Viewer, id: string): Promise<Post> {
    const post = await this.findOrFail(id);
    if (post.authorId !== viewer.id)
      throw forbidden('Only the author can change or delete this post.');
    return post;
  }

  private async presentOne(post: Post, viewer?: Viewer): Promise<PostDto> {
    const [presented] = await this.present([post], viewer);
    if (!presented) throw notFound('Post');
    return presented;
  }

  private async presentPage(rows: Post[], limit: number, viewer?: Viewer): Promise<Page<PostDto>> {
    const page = toPage(rows, limit, (visible) => visible);
    return { items: await this.present(page.items, viewer), nextCursor: page.nextCursor };
  }

  /**
   * A fixed number of queries for any number of posts: their images, their authors (and the
   * authors' avatars), and which of them the viewer likes. Counts are columns of the posts.
   */
  private async present(posts: Post[], viewer?: Viewer): Promise<PostDto[]> {
    const ids = posts.map((post) => post.id);
    const [images, authors, liked, mentionable] = await Promise.all([
      this.imagePresenter.describe(posts.map((post) => post.imageId)),
      this.profiles.summaries(posts.map((post) => post.authorId)),
      viewer ? this.likesRepository.likedAmong(viewer.id, ids) : Promise.resolve(undefined),
      this.profiles.existingUsernames(posts.flatMap((post) => mentionsIn(post.caption))),
    ]);
    return posts.flatMap((post) => {
      const image = images.get(post.imageId);
      const author = authors.get(post.authorId);
      if (!image || !author) return [];
      return [
        {
          id: post.id,
          author,
          image: { ...image, altText: post.altText },
          caption: post.caption,
          tags: tagsIn(post.caption),
          mentions: mentionsIn(post.caption).filter((name) => mentionable.has(name)),
          createdAt: post.createdAt.toISOString(),
          likeCount: post.likeCount,
          commentCount: post.commentCount,
          viewer: liked ? { liked: liked.has(post.id) } : null,
        },
      ];
    });
  }
}
