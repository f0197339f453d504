import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { errorOf, transactions, type Transactions } from '../../test/harness/unit';
import { ErrorCode } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import type { UserSummaryDto } from '../users/dto/user.dto';
import { VisibilityPolicy } from '../relations/visibility.policy';
import { ProfilesService } from '../users/profiles.service';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';
import { Comment } from './entities/comment.entity';
import { Post } from './entities/post.entity';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

const author = { id: 'author-id', username: 'post.author', role: 'user' as const };
const commenter = { id: 'commenter-id', username: 'commenter', role: 'user' as const };
const stranger = { id: 'stranger-id', username: 'stranger', role: 'user' as const };
const post = Object.assign(new Post(), { id: 'post-id', authorId: author.id });
const comment = Object.assign(new Comment(), {
  id: 'comment-id',
  postId: post.id,
  authorId: commenter.id,
  body: 'Lovely light.',
  createdAt: new Date('2026-01-02T03:04:05.678Z'),
});
const summary = (user: { id: string; username: string }): UserSummaryDto => ({
  ...user,
  firstName: null,
  lastName: null,
  avatarUrl: null,
});

describe('CommentsService', () => {
  let tx: Transactions;
  let commentsRepository: StrictMock<CommentsRepository>;
  let postsRepository: StrictMock<PostsRepository>;
  let events: StrictMock<DomainEvents>;
  let sut: CommentsService;

  beforeEach(() => {
    tx = transactions();
    commentsRepository = strictMock<CommentsRepository>({
      insert: tx.inside(),
      delete: tx.inside(true),
      findInPost: jest.fn().mockResolvedValue(comment),
    });
    postsRepository = strictMock<PostsRepository>({ adjust: tx.inside() });
    const posts = strictMock<PostsService>({ findOrFail: jest.fn().mockResolvedValue(post) });
    const profiles = strictMock<ProfilesService>({
      summaries: jest.fn(
        async (ids: string[]) => new Map(ids.map((id) => [id, summary(commenter)])),
      ),
      existingUsernames: jest.fn().mockResolvedValue(new Set()),
    });
    events = strictMock<DomainEvents>({ emit: tx.inside() });
    sut = new CommentsService(
      commentsRepository,
      postsRepository,
      posts,
      profiles,
      strictMock<VisibilityPolicy>({}),
      tx.db,
      events,
    );
  });

  it('adds a comment and counts it in one transaction, and presents it with its author', async () => {
    const added = await sut.add(commenter, post.id, { body: 'Lovely light.' });
    expect(tx.db.lockExisting).toHaveBeenCalledWith(Post, [post.id]);
    expect(commentsRepository.insert).toHaveBeenCalledWith(
      expect.objectContaining({ postId: post.id, authorId: commenter.id, body: 'Lovely light.' }),
    );
    expect(postsRepository.adjust).toHaveBeenCalledWith(post.id, 'commentCount', 1);
    expect(events.emit).toHaveBeenCalledWith('comment.added', {
      commentId: added.id,
      postId: post.id,
      postAuthorId: post.authorId,
      userId: commenter.id,
    });
    expect(added).toEqual({
      id: expect.any(String),
      author: summary(commenter),
      body: 'Lovely light.',
      mentions: [],
      createdAt: expect.any(String),
    });
  });

  it.each([
    ['its author', commenter],
    ['the post’s owner', author],
  ])('lets %s delete a comment, and uncounts it', async (_who, viewer) => {
    await sut.remove(viewer, post.id, comment.id);
    expect(commentsRepository.delete).toHaveBeenCalledWith(comment.id);
    expect(postsRepository.adjust).toHaveBeenCalledWith(post.id, 'commentCount', -1);
    expect(events.emit).toHaveBeenCalledWith('comment.deleted', {
      commentId: comment.id,
      postId: post.id,
      postAuthorId: post.authorId,
      userId: comment.authorId,
    });
  });

  it('refuses anyone else with a 403, deleting nothing', async () => {
    expect((await errorOf(sut.remove(stranger, post.id, comment.id))).code).toBe(
      ErrorCode.Forbidden,
    );
    expect(commentsRepository.delete).not.toHaveBeenCalled();
  });

  it('is 404 for a comment that is not on that post', async () => {
    commentsRepository.findInPost.mockResolvedValue(null);
    expect((await errorOf(sut.remove(commenter, post.id, 'elsewhere'))).code).toBe(
      ErrorCode.NotFound,
    );
    expect(commentsRepository.findInPost).toHaveBeenCalledWith(post.id, 'elsewhere');
  });

  it('uncounts nothing when a racing delete removed the comment first', async () => {
    commentsRepository.delete.mockResolvedValue(false);
    await sut.remove(commenter, post.id, comment.id);
    expect(postsRepository.adjust).not.toHaveBeenCalled();
    expect(events.emit).not.toHaveBeenCalled();
  });
});
