import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { errorOf, transactions, type Transactions } from '../../test/harness/unit';
import { ErrorCode } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import type { ImageDto } from '../images/dto/upload.dto';
import { ImagePresenter } from '../images/image-presenter';
import { ImagesService } from '../images/images.service';
import { UploadsService } from '../images/uploads.service';
import type { UserSummaryDto } from '../users/dto/user.dto';
import { ProfilesService } from '../users/profiles.service';
import { UsersService } from '../users/users.service';
import { Post } from './entities/post.entity';
import { CommentsRepository } from './comments.repository';
import { LikesRepository } from './likes.repository';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';
import { TimelineService } from './timeline/timeline.service';

const author = { id: 'author-id', username: 'ada.l', role: 'user' as const };
const stranger = { id: 'stranger-id', username: 'grace.h', role: 'user' as const };
const verified = { id: 'image-id', width: 3, height: 2 };
const image: ImageDto = { url: '/img', width: 3, height: 2, contentType: 'image/png' };
const summary: UserSummaryDto = { ...author, firstName: null, lastName: null, avatarUrl: null };
const post = Object.assign(new Post(), {
  id: 'post-id',
  authorId: author.id,
  imageId: verified.id,
  caption: 'Dawn',
  altText: null,
  likeCount: 2,
  commentCount: 1,
  createdAt: new Date('2026-01-02T03:04:05.678Z'),
  updatedAt: new Date('2026-01-02T03:04:05.678Z'),
});

describe('PostsService', () => {
  let tx: Transactions;
  let postsRepository: StrictMock<PostsRepository>;
  let likesRepository: StrictMock<LikesRepository>;
  let uploads: StrictMock<UploadsService>;
  let images: StrictMock<ImagesService>;
  let users: StrictMock<UsersService>;
  let timeline: StrictMock<TimelineService>;
  let events: StrictMock<DomainEvents>;
  let sut: PostsService;

  beforeEach(() => {
    tx = transactions();
    postsRepository = strictMock<PostsRepository>({
      findById: jest.fn().mockResolvedValue(post),
      insert: tx.inside(),
      update: tx.inside(),
      delete: tx.inside(),
      findByIds: jest.fn().mockResolvedValue([post]),
    });
    likesRepository = strictMock<LikesRepository>({
      likedAmong: jest.fn().mockResolvedValue(new Set([post.id])),
    });
    uploads = strictMock<UploadsService>({ verifyUpload: jest.fn().mockResolvedValue(verified) });
    images = strictMock<ImagesService>({ attach: tx.inside(), discard: tx.inside() });
    const imagePresenter = strictMock<ImagePresenter>({
      describe: jest.fn().mockResolvedValue(new Map([[verified.id, image]])),
    });
    users = strictMock<UsersService>({ adjustPostCount: tx.inside() });
    const profiles = strictMock<ProfilesService>({
      summaries: jest.fn().mockResolvedValue(new Map([[author.id, summary]])),
      existingUsernames: jest.fn().mockResolvedValue(new Set()),
    });
    events = strictMock<DomainEvents>({ emit: tx.inside() });
    timeline = strictMock<TimelineService>({
      homePage: jest.fn().mockResolvedValue([{ id: post.id, createdAt: post.createdAt }]),
    });
    sut = new PostsService(
      postsRepository,
      likesRepository,
      strictMock<CommentsRepository>({}),
      uploads,
      images,
      imagePresenter,
      users,
      profiles,
      timeline,
      tx.db,
      events,
    );
  });

  describe('create', () => {
    it('verifies the upload first, then attaches it, inserts the post and counts it in one transaction', async () => {
      const created = await sut.create(author, { uploadId: 'upload-id', caption: 'Dawn' });
      expect(uploads.verifyUpload).toHaveBeenCalledWith(author.id, 'upload-id', 'uploadId');
      expect(images.attach).toHaveBeenCalledWith(verified);
      expect(postsRepository.insert).toHaveBeenCalledWith(
        expect.objectContaining({ authorId: author.id, imageId: verified.id, caption: 'Dawn' }),
      );
      expect(users.adjustPostCount).toHaveBeenCalledWith(author.id, 1);
      expect(events.emit).toHaveBeenCalledWith('post.published', {
        postId: created.id,
        authorId: author.id,
      });
      expect(created).toEqual(
        expect.objectContaining({ author: summary, caption: 'Dawn', likeCount: 0 }),
      );
    });

    it('opens no transaction when the upload is refused', async () => {
      uploads.verifyUpload.mockRejectedValue(new Error('refused'));
      await expect(sut.create(author, { uploadId: 'upload-id' })).rejects.toThrow('refused');
      expect(tx.db.run).not.toHaveBeenCalled();
    });
  });

  it('presents a post with the signed-in viewer’s like, and null for nobody', async () => {
    expect((await sut.get(post.id, author)).viewer).toEqual({ liked: true });
    expect(likesRepository.likedAmong).toHaveBeenCalledWith(author.id, [post.id]);
    expect(await sut.get(post.id)).toEqual({
      id: post.id,
      author: summary,
      image: { ...image, altText: null },
      caption: 'Dawn',
      tags: [],
      mentions: [],
      createdAt: '2026-01-02T03:04:05.678Z',
      likeCount: 2,
      commentCount: 1,
      viewer: null,
    });
  });

  it('is 404 for an unknown post', async () => {
    postsRepository.findById.mockResolvedValue(null);
    expect((await errorOf(sut.get('missing'))).code).toBe(ErrorCode.NotFound);
  });

  it('builds the home feed from the viewer’s timeline, in its order', async () => {
    const page = await sut.homeFeed(author, {});
    expect(timeline.homePage).toHaveBeenCalledWith(
      author.id,
      expect.objectContaining({ limit: expect.any(Number) }),
    );
    expect(postsRepository.findByIds).toHaveBeenCalledWith([post.id]);
    expect(page.items.map((item) => item.id)).toEqual([post.id]);
  });

  describe('update and delete', () => {
    it.each([
      ['update', () => sut.update(stranger, post.id, { caption: 'Mine now' })],
      ['delete', () => sut.delete(stranger, post.id)],
    ])('refuse to %s another author’s post with a 403, changing nothing', async (_action, act) => {
      expect((await errorOf(act())).code).toBe(ErrorCode.Forbidden);
      expect(postsRepository.update).not.toHaveBeenCalled();
      expect(tx.db.run).not.toHaveBeenCalled();
    });

    it('updates only the fields given', async () => {
      await sut.update(author, post.id, { altText: 'A red sky' });
      expect(postsRepository.update).toHaveBeenCalledWith(
        post.id,
        { altText: 'A red sky' },
        expect.any(Date),
      );
      expect(events.emit).not.toHaveBeenCalled();
    });

    it('tells of a caption edit in the transaction of the change', async () => {
      await sut.update(author, post.id, { caption: 'Dusk #red' });
      expect(postsRepository.update).toHaveBeenCalledWith(
        post.id,
        { caption: 'Dusk #red' },
        expect.any(Date),
      );
      expect(events.emit).toHaveBeenCalledWith('post.updated', {
        postId: post.id,
        authorId: author.id,
      });
    });

    it('deletes the post, discards its image and uncounts it in one transaction', async () => {
      await sut.delete(author, post.id);
      expect(tx.db.lockExisting).toHaveBeenCalledWith(Post, [post.id]);
      expect(postsRepository.delete).toHaveBeenCalledWith(post.id);
      expect(images.discard).toHaveBeenCalledWith([verified.id]);
      expect(users.adjustPostCount).toHaveBeenCalledWith(author.id, -1);
      expect(events.emit).toHaveBeenCalledWith('post.deleted', {
        postId: post.id,
        authorId: author.id,
      });
    });
  });
});
