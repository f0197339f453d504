import { Injectable, OnModuleInit } from '@nestjs/common';
import { forbidden, notFound } from '../common/errors/app-error';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest, toPage } from '../common/pagination/page';
import { TransactionHost } from '../database/transaction-host';
import { ImagesService } from '../images/images.service';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { CreatePostDto } from './dto/create-post.dto';
import { PostDto } from './dto/post.dto';
import { UpdatePostDto } from './dto/update-post.dto';
import { Post } from './entities/post.entity';
import { PostsRepository } from './posts.repository';

@Injectable()
export class PostsService implements OnModuleInit {
  constructor(
    private readonly posts: PostsRepository,
    private readonly images: ImagesService,
    private readonly users: UsersService,
    private readonly db: TransactionHost,
  ) {}

  onModuleInit(): void {
    this.users.onAccountDeletion((userId) => this.posts.deleteByAuthor(userId));
  }

  /** Verifies the upload in storage first, then attaches it and creates the post in one transaction. */
  async create(viewer: User, dto: CreatePostDto): Promise<PostDto> {
    const image = await this.images.verifyUpload(viewer.id, dto.uploadId, 'uploadId');
    const now = new Date();
    const post = Object.assign(new Post(), {
      id: newId(),
      authorId: viewer.id,
      imageId: image.id,
      caption: dto.caption ?? null,
      altText: dto.altText ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.run(async () => {
      await this.images.attach(image);
      await this.posts.insert(post);
    });
    return this.presentOne(post);
  }

  async get(id: string): Promise<PostDto> {
    return this.presentOne(await this.findOrFail(id));
  }

  async publicFeed(query: PageQueryDto): Promise<Page<PostDto>> {
    const page = pageRequest(query);
    return this.presentPage(await this.posts.findPublicPage(page), page.limit);
  }

  async byUser(username: string, query: PageQueryDto): Promise<Page<PostDto>> {
    const page = pageRequest(query);
    const author = await this.users.findByUsernameOrFail(username);
    return this.presentPage(await this.posts.findAuthorPage(author.id, page), page.limit);
  }

  async update(viewer: User, id: string, dto: UpdatePostDto): Promise<PostDto> {
    const post = await this.findOwnOrFail(viewer, id);
    const changes: Partial<Pick<Post, 'caption' | 'altText'>> = {};
    if (dto.caption !== undefined) changes.caption = dto.caption;
    if (dto.altText !== undefined) changes.altText = dto.altText;
    if (Object.keys(changes).length > 0) await this.posts.update(post.id, changes, new Date());
    return this.get(post.id);
  }

  /** The row and its image go in one transaction; the object follows through the outbox. */
  async delete(viewer: User, id: string): Promise<void> {
    const post = await this.findOwnOrFail(viewer, id);
    await this.db.run(async () => {
      await this.posts.delete(post.id);
      await this.images.discard([post.imageId]);
    });
  }

  private async findOrFail(id: string): Promise<Post> {
    const post = await this.posts.findById(id);
    if (!post) throw notFound('Post');
    return post;
  }

  private async findOwnOrFail(viewer: User, id: string): Promise<Post> {
    const post = await this.findOrFail(id);
    if (post.authorId !== viewer.id)
      throw forbidden('Only the author can change or delete this post.');
    return post;
  }

  private async presentOne(post: Post): Promise<PostDto> {
    const [presented] = await this.present([post]);
    if (!presented) throw notFound('Post');
    return presented;
  }

  private async presentPage(rows: Post[], limit: number): Promise<Page<PostDto>> {
    const page = toPage(rows, limit, (visible) => visible);
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  /** A fixed number of queries for any number of posts: their images, their authors. */
  private async present(posts: Post[]): Promise<PostDto[]> {
    const [images, authors] = await Promise.all([
      this.images.describe(posts.map((post) => post.imageId)),
      this.users.summaries(posts.map((post) => post.authorId)),
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
          createdAt: post.createdAt.toISOString(),
        },
      ];
    });
  }
}
