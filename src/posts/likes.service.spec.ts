import { VisibilityPolicy } from '../relations/visibility.policy';
import { ProfilesService } from '../users/profiles.service';
import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { errorOf, transactions, type Transactions } from '../../test/harness/unit';
import { ErrorCode, notFound } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import { Post } from './entities/post.entity';
import { LikesRepository } from './likes.repository';
import { LikesService } from './likes.service';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

const viewer = { id: 'viewer-id', username: 'ada.l', role: 'user' as const };
const post = Object.assign(new Post(), { id: 'post-id', authorId: 'author-id' });

describe('LikesService', () => {
  let tx: Transactions;
  let likesRepository: StrictMock<LikesRepository>;
  let postsRepository: StrictMock<PostsRepository>;
  let posts: StrictMock<PostsService>;
  let events: StrictMock<DomainEvents>;
  let sut: LikesService;

  beforeEach(() => {
    tx = transactions();
    likesRepository = strictMock<LikesRepository>({
      insert: tx.inside(true),
      delete: tx.inside(true),
    });
    postsRepository = strictMock<PostsRepository>({ adjust: tx.inside() });
    posts = strictMock<PostsService>({ findOrFail: jest.fn().mockResolvedValue(post) });
    events = strictMock<DomainEvents>({ emit: tx.inside() });
    sut = new LikesService(
      likesRepository,
      postsRepository,
      posts,
      strictMock<ProfilesService>({}),
      strictMock<VisibilityPolicy>({}),
      tx.db,
      events,
    );
  });

  it('likes a post and counts it, in one transaction that locks the post first', async () => {
    await sut.like(viewer, post.id);
    expect(tx.db.lockExisting).toHaveBeenCalledWith(Post, [post.id]);
    expect(likesRepository.insert).toHaveBeenCalledWith(
      expect.objectContaining({ postId: post.id, userId: viewer.id }),
    );
    expect(postsRepository.adjust).toHaveBeenCalledWith(post.id, 'likeCount', 1);
    expect(events.emit).toHaveBeenCalledWith('like.added', {
      postId: post.id,
      postAuthorId: post.authorId,
      userId: viewer.id,
    });
  });

  it('counts nothing when the like was already there', async () => {
    likesRepository.insert.mockResolvedValue(false);
    await sut.like(viewer, post.id);
    expect(postsRepository.adjust).not.toHaveBeenCalled();
    expect(events.emit).not.toHaveBeenCalled();
  });

  it('takes a like back and uncounts it, only when there was one', async () => {
    await sut.unlike(viewer, post.id);
    expect(likesRepository.delete).toHaveBeenCalledWith(post.id, viewer.id);
    expect(postsRepository.adjust).toHaveBeenCalledWith(post.id, 'likeCount', -1);
    expect(events.emit).toHaveBeenCalledWith('like.removed', {
      postId: post.id,
      postAuthorId: post.authorId,
      userId: viewer.id,
    });
    postsRepository.adjust.mockClear();
    events.emit.mockClear();
    likesRepository.delete.mockResolvedValue(false);
    await sut.unlike(viewer, post.id);
    expect(postsRepository.adjust).not.toHaveBeenCalled();
    expect(events.emit).not.toHaveBeenCalled();
  });

  it('is 404 for a post deleted after it was looked up, writing nothing', async () => {
    tx.db.lockExisting.mockResolvedValue(new Set());
    expect((await errorOf(sut.like(viewer, post.id))).code).toBe(ErrorCode.NotFound);
    expect(likesRepository.insert).not.toHaveBeenCalled();
    await sut.unlike(viewer, post.id);
    expect(likesRepository.delete).not.toHaveBeenCalled();
  });

  it('is 404 for an unknown post, writing nothing', async () => {
    posts.findOrFail.mockRejectedValue(notFound('Post'));
    expect((await errorOf(sut.like(viewer, 'missing'))).code).toBe(ErrorCode.NotFound);
    expect(tx.db.run).not.toHaveBeenCalled();
  });
});
