import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { errorOf, transactions, type Transactions } from '../../test/harness/unit';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import { ImagesService } from '../images/images.service';
import { UploadsService, type VerifiedUpload } from '../images/uploads.service';
import { VisibilityPolicy } from '../relations/visibility.policy';
import { NO_RELATION, VisibilityRepository } from '../relations/visibility.repository';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import type { PostDto } from './dto/post.dto';
import { Post } from './entities/post.entity';
import { CommentsRepository } from './comments.repository';
import { LikesRepository } from './likes.repository';
import { PostMedia } from './entities/post-media.entity';
import { PostMediaRepository } from './post-media.repository';
import { PostPagesRepository } from './post-pages.repository';
import { PostPresenter } from './post-presenter';
import { PostReadsService } from './post-reads.service';
import type { PostRecord } from './post-record';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';
import { TimelineService } from './timeline/timeline.service';

const author = { id: 'author-id', username: 'ada.l', role: 'user' as const };
const stranger = { id: 'stranger-id', username: 'grace.h', role: 'user' as const };
const verified = (id: string): VerifiedUpload => ({
  id,
  width: 3,
  height: 2,
  storageKey: `users/author-id/originals/${id}-abcd.png`,
  uploadKey: `uploads/author-id/${id}.png`,
});
const post = (changes: Partial<Post> = {}) =>
  Object.assign(new Post(), {
    id: 'post-id',
    authorId: author.id,
    caption: 'Dawn',
    status: 'published',
    pendingPhotos: 0,
    failure: null,
    likeCount: 2,
    commentCount: 1,
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    updatedAt: new Date('2026-01-02T03:04:05.678Z'),
    ...changes,
  });
const media = (imageId: string, position: number): PostMedia =>
  Object.assign(new PostMedia(), { postId: 'post-id', position, imageId, altText: null });
const record = (changes: Partial<PostRecord> = {}): PostRecord => ({
  id: 'post-id',
  authorId: author.id,
  caption: 'Dawn',
  status: 'published',
  failure: null,
  likeCount: 2,
  commentCount: 1,
  createdAt: new Date('2026-01-02T03:04:05.678Z'),
  author: {
    id: author.id,
    username: author.username,
    firstName: null,
    lastName: null,
    avatarVariants: null,
  },
  photos: [],
  ...changes,
});
const presented = { id: 'post-id' } as PostDto;

const everyone = { sql: 'visible', params: {} };
const merged = ['large-account-id'];

describe('PostsService and PostReadsService', () => {
  let tx: Transactions;
  let postsRepository: StrictMock<PostsRepository>;
  let postMediaRepository: StrictMock<PostMediaRepository>;
  let postPages: StrictMock<PostPagesRepository>;
  let uploads: StrictMock<UploadsService>;
  let images: StrictMock<ImagesService>;
  let users: StrictMock<UsersService>;
  let timeline: StrictMock<TimelineService>;
  let presenter: StrictMock<PostPresenter>;
  let events: StrictMock<DomainEvents>;
  let postCondition: jest.Mock;
  let reads: PostReadsService;
  let sut: PostsService;

  beforeEach(() => {
    tx = transactions();
    postsRepository = strictMock<PostsRepository>({
      findById: jest.fn().mockResolvedValue(post()),
      insert: tx.inside(),
      update: tx.inside(),
      delete: tx.inside(),
    });
    postPages = strictMock<PostPagesRepository>({
      byId: jest.fn().mockResolvedValue(record()),
      homePage: jest.fn().mockResolvedValue([record()]),
    });
    postMediaRepository = strictMock<PostMediaRepository>({
      insertAll: tx.inside(),
      updateAltText: tx.inside(),
      findByPosts: jest.fn().mockResolvedValue([media('image-1', 0), media('image-2', 1)]),
    });
    uploads = strictMock<UploadsService>({
      verifyUpload: jest.fn((_owner: string, uploadId: string) =>
        Promise.resolve(verified(uploadId)),
      ),
    });
    images = strictMock<ImagesService>({
      attach: tx.inside(),
      discard: tx.inside(),
      abandon: jest.fn().mockResolvedValue(undefined),
      originalUrl: jest.fn().mockResolvedValue('https://storage/original'),
    });
    users = strictMock<UsersService>({
      adjustPostCount: tx.inside(),
      findById: jest
        .fn()
        .mockResolvedValue({ id: author.id, private: false, suspendedAt: null } as User),
    });
    // The real policy, its SQL mocked.
    postCondition = jest.fn().mockReturnValue(everyone);
    const visibility = new VisibilityPolicy(
      strictMock<VisibilityRepository>({
        between: jest.fn().mockResolvedValue(NO_RELATION),
        postCondition,
      }),
      users,
    );
    timeline = strictMock<TimelineService>({
      mergedAuthors: jest.fn().mockResolvedValue(merged),
    });
    presenter = strictMock<PostPresenter>({ present: jest.fn().mockResolvedValue([presented]) });
    events = strictMock<DomainEvents>({ emit: tx.inside() });
    reads = new PostReadsService(postPages, presenter, users, timeline, visibility);
    sut = new PostsService(
      postsRepository,
      strictMock<LikesRepository>({}),
      strictMock<CommentsRepository>({}),
      postMediaRepository,
      uploads,
      images,
      reads,
      users,
      visibility,
      tx.db,
      events,
    );
  });

  describe('create', () => {
    it('verifies every upload, then attaches them in order and inserts a processing post in one transaction, uncounted', async () => {
      await sut.create(author, {
        media: [{ uploadId: 'image-1', altText: 'First' }, { uploadId: 'image-2' }],
        caption: 'Dawn',
      });
      expect(uploads.verifyUpload).toHaveBeenCalledWith(author.id, 'image-1', 'media[0].uploadId');
      expect(uploads.verifyUpload).toHaveBeenCalledWith(author.id, 'image-2', 'media[1].uploadId');
      expect(postsRepository.insert).toHaveBeenCalledWith(
        expect.objectContaining({ authorId: author.id, status: 'processing', pendingPhotos: 2 }),
      );
      expect(images.attach).toHaveBeenCalledWith(verified('image-1'), 'post');
      expect(images.attach).toHaveBeenCalledWith(verified('image-2'), 'post');
      expect(postMediaRepository.insertAll).toHaveBeenCalledWith([
        expect.objectContaining({ position: 0, imageId: 'image-1', altText: 'First' }),
        expect.objectContaining({ position: 1, imageId: 'image-2', altText: null }),
      ]);
      expect(users.adjustPostCount).not.toHaveBeenCalled();
      expect(images.abandon).not.toHaveBeenCalled();
    });

    it('takes the older single uploadId as one photo', async () => {
      await sut.create(author, { uploadId: 'image-1', altText: 'Alt' });
      expect(uploads.verifyUpload).toHaveBeenCalledWith(author.id, 'image-1', 'uploadId');
      expect(postMediaRepository.insertAll).toHaveBeenCalledWith([
        expect.objectContaining({ position: 0, imageId: 'image-1', altText: 'Alt' }),
      ]);
    });

    it.each([
      ['neither form', {}],
      ['both forms', { media: [{ uploadId: 'image-1' }], uploadId: 'image-2' }],
      ['the same upload twice', { media: [{ uploadId: 'image-1' }, { uploadId: 'image-1' }] }],
    ])('refuses %s with a 400 before touching storage', async (_case, dto) => {
      expect((await errorOf(sut.create(author, dto))).code).toBe(ErrorCode.Validation);
      expect(uploads.verifyUpload).not.toHaveBeenCalled();
    });

    it('opens no transaction when an upload is refused, and drops the copies of the others', async () => {
      uploads.verifyUpload.mockImplementation((_owner: string, uploadId: string) =>
        uploadId === 'image-2'
          ? Promise.reject(new AppError(ErrorCode.Unprocessable, 'bad'))
          : Promise.resolve(verified(uploadId)),
      );
      const dto = { media: [{ uploadId: 'image-1' }, { uploadId: 'image-2' }] };
      expect((await errorOf(sut.create(author, dto))).code).toBe(ErrorCode.Unprocessable);
      expect(tx.db.run).not.toHaveBeenCalled();
      expect(images.abandon).toHaveBeenCalledWith([verified('image-1').storageKey]);
    });

    it('drops the verified copies when the transaction fails', async () => {
      images.attach.mockRejectedValue(new AppError(ErrorCode.Conflict, 'used'));
      expect((await errorOf(sut.create(author, { uploadId: 'image-1' }))).code).toBe(
        ErrorCode.Conflict,
      );
      expect(images.abandon).toHaveBeenCalledWith([verified('image-1').storageKey]);
    });
  });

  describe('a post by id', () => {
    it('is read in one statement under the policy’s condition for one post (its own unpublished ones too)', async () => {
      await expect(reads.get('post-id', author)).resolves.toBe(presented);
      expect(postCondition).toHaveBeenCalledWith({
        viewerId: author.id,
        blocksOrMutes: true,
        ownUnpublished: true,
        hideMuted: false,
        suspendedToo: false,
      });
      expect(postPages.byId).toHaveBeenCalledWith('post-id', {
        condition: everyone,
        viewerId: author.id,
      });
    });

    it.each([
      ['another user', stranger],
      ['nobody signed in', undefined],
    ])('is 404 for %s when the condition hides it', async (_who, viewer) => {
      postPages.byId.mockResolvedValue(null);
      expect((await errorOf(reads.get('post-id', viewer))).code).toBe(ErrorCode.NotFound);
    });
  });

  it('builds the home feed from the viewer’s timeline with the large accounts they follow merged in', async () => {
    await reads.homeFeed(author, {});
    expect(timeline.mergedAuthors).toHaveBeenCalledWith(author.id);
    expect(postPages.homePage).toHaveBeenCalledWith(
      author.id,
      expect.objectContaining({ limit: 20 }),
      merged,
      { condition: everyone, viewerId: author.id },
    );
    expect(presenter.present).toHaveBeenCalledWith([record()], author);
  });

  describe('the original of a photo', () => {
    it('is a URL for the author', async () => {
      await expect(sut.originalUrl('post-id', 'image-2', author)).resolves.toEqual({
        url: 'https://storage/original',
      });
      expect(images.originalUrl).toHaveBeenCalledWith('image-2');
    });

    it.each([
      ['another user', stranger, 'image-1'],
      ['nobody signed in', undefined, 'image-1'],
      ['a photo of another post', author, 'image-9'],
    ])('is 404 for %s', async (_who, viewer, mediaId) => {
      expect((await errorOf(sut.originalUrl('post-id', mediaId, viewer))).code).toBe(
        ErrorCode.NotFound,
      );
      expect(images.originalUrl).not.toHaveBeenCalled();
    });
  });

  describe('update and delete', () => {
    it.each([
      ['update', () => sut.update(stranger, 'post-id', { caption: 'Mine now' })],
      ['delete', () => sut.delete(stranger, 'post-id')],
    ])('refuse to %s another author’s post with a 403, changing nothing', async (_action, act) => {
      expect((await errorOf(act())).code).toBe(ErrorCode.Forbidden);
      expect(tx.db.run).not.toHaveBeenCalled();
    });

    it('puts the older altText on the first photo', async () => {
      await sut.update(author, 'post-id', { altText: 'A red sky' });
      expect(postMediaRepository.updateAltText).toHaveBeenCalledWith('post-id', 0, 'A red sky');
      expect(postsRepository.update).not.toHaveBeenCalled();
    });

    it('tells of a caption edit in the transaction of the change', async () => {
      await sut.update(author, 'post-id', { caption: 'Dusk #red' });
      expect(postsRepository.update).toHaveBeenCalledWith(
        'post-id',
        { caption: 'Dusk #red' },
        expect.any(Date),
      );
      expect(events.emit).toHaveBeenCalledWith('post.updated', {
        postId: 'post-id',
        authorId: author.id,
      });
    });

    it('deletes the post, discards every photo and uncounts it in one transaction', async () => {
      await sut.delete(author, 'post-id');
      expect(tx.db.lockExisting).toHaveBeenCalledWith(Post, ['post-id']);
      expect(postsRepository.delete).toHaveBeenCalledWith('post-id');
      expect(images.discard).toHaveBeenCalledWith(['image-1', 'image-2']);
      expect(users.adjustPostCount).toHaveBeenCalledWith(author.id, -1);
      expect(events.emit).toHaveBeenCalledWith('post.deleted', {
        postId: 'post-id',
        authorId: author.id,
      });
    });

    it('uncounts nothing when the deleted post was never published', async () => {
      postsRepository.findById.mockResolvedValue(post({ status: 'failed' }));
      await sut.delete(author, 'post-id');
      expect(images.discard).toHaveBeenCalledWith(['image-1', 'image-2']);
      expect(users.adjustPostCount).not.toHaveBeenCalled();
    });
  });
});
