import { Injectable, OnModuleInit } from '@nestjs/common';
import { forbidden, invalid, notFound } from '../common/errors/app-error';
import { newId } from '../common/ids';
import { DomainEvents } from '../common/events/domain-events';
import type { Viewer } from '../common/http/viewer.decorator';
import { TransactionHost } from '../database/transaction-host';
import { VisibilityPolicy } from '../relations/visibility.policy';
import { ImagesService } from '../images/images.service';
import { UploadsService, type VerifiedUpload } from '../images/uploads.service';
import { UsersService } from '../users/users.service';
import { CreatePostDto } from './dto/create-post.dto';
import { PostDto } from './dto/post.dto';
import { UpdatePostDto } from './dto/update-post.dto';
import { Post } from './entities/post.entity';
import { CommentsRepository } from './comments.repository';
import type { Engagement } from './engagement';
import { LikesRepository } from './likes.repository';
import { PostMediaRepository } from './post-media.repository';
import { PostReadsService } from './post-reads.service';
import { PostsRepository } from './posts.repository';

/** A photo of a new post, and the field its errors name. */
interface NewPhoto {
  uploadId: string;
  altText: string | null;
  field: string;
}

@Injectable()
export class PostsService implements OnModuleInit {
  constructor(
    private readonly postsRepository: PostsRepository,
    private readonly likesRepository: LikesRepository,
    private readonly commentsRepository: CommentsRepository,
    private readonly postMediaRepository: PostMediaRepository,
    private readonly uploads: UploadsService,
    private readonly images: ImagesService,
    private readonly reads: PostReadsService,
    private readonly users: UsersService,
    private readonly visibility: VisibilityPolicy,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.users.onAccountDeletion((userId) => this.postsRepository.removeAllOf(userId));
  }

  /**
   * Verifies every upload in storage first (each is copied to a key of its own and checked),
   * then attaches them and creates the post in one transaction. The post is `processing` until
   * a job has made every photo's variants.
   */
  async create(viewer: Viewer, dto: CreatePostDto): Promise<PostDto> {
    const photos = photosOf(dto);
    const settled = await Promise.allSettled(
      photos.map((photo) => this.uploads.verifyUpload(viewer.id, photo.uploadId, photo.field)),
    );
    const verified = settled.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const refused = settled.find((result) => result.status === 'rejected');
    if (refused) {
      await this.images.abandon(verified.map((upload) => upload.storageKey));
      throw refused.reason;
    }
    const post = newPost(viewer.id, dto.caption ?? null, photos.length);
    await this.attachAll(post, verified, photos);
    return this.reads.get(post.id, viewer);
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

  /**
   * The post if the visibility policy lets this viewer see it (a post not yet published only
   * its author; nobody in a block with its author), or a 404.
   */
  async findOrFail(id: string, viewer?: Viewer): Promise<Post> {
    return this.visibility.assertPost(viewer, await this.postsRepository.findById(id));
  }

  /** `altText` alone (older clients) is the first photo's. */
  async update(viewer: Viewer, id: string, dto: UpdatePostDto): Promise<PostDto> {
    const post = await this.findOwnOrFail(viewer, id);
    const captionChanged = dto.caption !== undefined;
    if (captionChanged || dto.altText !== undefined) {
      await this.db.run(async () => {
        if (dto.caption !== undefined)
          await this.postsRepository.update(post.id, { caption: dto.caption }, new Date());
        if (dto.altText !== undefined)
          await this.postMediaRepository.updateAltText(post.id, 0, dto.altText);
        if (captionChanged)
          await this.events.emit('post.updated', { postId: post.id, authorId: post.authorId });
      });
    }
    return this.reads.get(post.id, viewer);
  }

  /** The row and its photos go in one transaction; the objects follow through the outbox. */
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
      const media = await this.postMediaRepository.findByPosts([post.id]);
      const current = await this.postsRepository.findById(post.id);
      if (!current) return;
      await this.postsRepository.delete(post.id);
      await this.images.discard(media.map((item) => item.imageId));
      if (current.status === 'published') await this.users.adjustPostCount(post.authorId, -1);
      await this.events.emit('post.deleted', { postId: post.id, authorId: post.authorId });
    });
  }

  /** A short-lived URL of a photo's untouched original: its author only, 404 for anyone else. */
  async originalUrl(postId: string, mediaId: string, viewer?: Viewer): Promise<{ url: string }> {
    const post = await this.postsRepository.findById(postId);
    if (
      !post ||
      !viewer ||
      post.authorId !== viewer.id ||
      !(await this.visibility.canSeePost(viewer, post))
    )
      throw notFound('Photo');
    const media = await this.postMediaRepository.findByPosts([post.id]);
    const url = media.some((item) => item.imageId === mediaId)
      ? await this.images.originalUrl(mediaId)
      : null;
    if (!url) throw notFound('Photo');
    return { url };
  }

  private async attachAll(post: Post, verified: VerifiedUpload[], photos: NewPhoto[]) {
    try {
      await this.db.run(async () => {
        await this.postsRepository.insert(post);
        for (const upload of verified) await this.images.attach(upload, 'post');
        await this.postMediaRepository.insertAll(
          photos.map((photo, position) => ({
            postId: post.id,
            position,
            imageId: photo.uploadId,
            altText: photo.altText,
          })),
        );
      });
    } catch (error) {
      await this.images.abandon(verified.map((upload) => upload.storageKey));
      throw error;
    }
  }

  private async findOwnOrFail(viewer: Viewer, id: string): Promise<Post> {
    const post = await this.findOrFail(id, viewer);
    if (post.authorId !== viewer.id)
      throw forbidden('Only the author can change or delete this post.');
    return post;
  }
}

/** `media`, or the older single `uploadId` with its `altText`: one of the two, no repeats. */
function photosOf(dto: CreatePostDto): NewPhoto[] {
  if (dto.media && (dto.uploadId !== undefined || dto.altText !== undefined)) {
    throw invalid([{ field: 'media', message: 'send media, or uploadId and altText, not both' }]);
  }
  const photos: NewPhoto[] = dto.media
    ? dto.media.map((item, index) => ({
        uploadId: item.uploadId,
        altText: item.altText ?? null,
        field: `media[${index}].uploadId`,
      }))
    : dto.uploadId
      ? [{ uploadId: dto.uploadId, altText: dto.altText ?? null, field: 'uploadId' }]
      : [];
  if (photos.length === 0) {
    throw invalid([{ field: 'media', message: 'media must hold at least one photo' }]);
  }
  const seen = new Set<string>();
  for (const photo of photos) {
    if (seen.has(photo.uploadId)) {
      throw invalid([{ field: photo.field, message: 'each upload can appear once' }]);
    }
    seen.add(photo.uploadId);
  }
  return photos;
}

function newPost(authorId: string, caption: string | null, photos: number): Post {
  const now = new Date();
  return Object.assign(new Post(), {
    id: newId(),
    authorId,
    caption,
    status: 'processing',
    pendingPhotos: photos,
    failure: null,
    likeCount: 0,
    commentCount: 0,
    createdAt: now,
    updatedAt: now,
  });
}
