import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { errorOf, transactions, type Transactions } from '../../test/harness/unit';
import { ErrorCode, notFound } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import { User } from '../users/entities/user.entity';
import { ProfilesService } from '../users/profiles.service';
import { UsersService } from '../users/users.service';
import { FollowRequestsRepository } from './follow-requests.repository';
import { FollowsRepository } from './follows.repository';
import { FollowsService } from './follows.service';
import { NO_RELATION, type Relation, VisibilityPolicy } from './visibility.policy';

const viewer = { id: 'viewer-id', username: 'ada.l', role: 'user' as const };
const target = Object.assign(new User(), {
  id: 'target-id',
  username: 'grace.h',
  role: 'user' as const,
  private: false,
  suspendedAt: null,
});
const relation = (changes: Partial<Relation> = {}): Relation => ({ ...NO_RELATION, ...changes });

describe('FollowsService', () => {
  let tx: Transactions;
  let followsRepository: StrictMock<FollowsRepository>;
  let requestsRepository: StrictMock<FollowRequestsRepository>;
  let events: StrictMock<DomainEvents>;
  let users: StrictMock<UsersService>;
  let visibility: StrictMock<VisibilityPolicy>;
  let sut: FollowsService;

  beforeEach(() => {
    tx = transactions();
    followsRepository = strictMock<FollowsRepository>({
      insert: tx.inside(true),
      delete: tx.inside(true),
      removeAllOf: jest.fn(),
    });
    requestsRepository = strictMock<FollowRequestsRepository>({
      insert: tx.inside(true),
      delete: tx.inside(false),
    });
    events = strictMock<DomainEvents>({ emit: tx.inside() });
    users = strictMock<UsersService>({
      findByUsernameOrFail: jest.fn().mockResolvedValue(target),
      onAccountDeletion: jest.fn(),
      adjustFollowCounts: tx.inside(),
    });
    visibility = strictMock<VisibilityPolicy>({
      assertProfile: jest.fn().mockResolvedValue(relation()),
    });
    sut = new FollowsService(
      followsRepository,
      requestsRepository,
      users,
      strictMock<ProfilesService>(),
      visibility,
      tx.db,
      events,
    );
  });

  it('follows and moves both counters, in one transaction that locks both users', async () => {
    await expect(sut.follow(viewer, 'grace.h')).resolves.toEqual({ status: 'following' });
    expect(tx.db.lockExisting).toHaveBeenCalledWith(User, [viewer.id, target.id]);
    expect(followsRepository.insert).toHaveBeenCalledWith(
      expect.objectContaining({ followerId: viewer.id, followeeId: target.id }),
    );
    expect(users.adjustFollowCounts).toHaveBeenCalledWith(viewer.id, target.id, 1);
    expect(events.emit).toHaveBeenCalledWith('follow.added', {
      followerId: viewer.id,
      followeeId: target.id,
    });
  });

  it('counts nothing when already following', async () => {
    followsRepository.insert.mockResolvedValue(false);
    await sut.follow(viewer, 'grace.h');
    expect(users.adjustFollowCounts).not.toHaveBeenCalled();
    expect(events.emit).not.toHaveBeenCalled();
  });

  it('files a request to a private account instead of following it, told once', async () => {
    users.findByUsernameOrFail.mockResolvedValue(
      Object.assign(new User(), target, { private: true }),
    );
    await expect(sut.follow(viewer, 'grace.h')).resolves.toEqual({ status: 'requested' });
    expect(followsRepository.insert).not.toHaveBeenCalled();
    expect(requestsRepository.insert).toHaveBeenCalledWith(
      expect.objectContaining({ requesterId: viewer.id, targetId: target.id }),
    );
    expect(events.emit).toHaveBeenCalledWith('follow.requested', {
      requesterId: viewer.id,
      targetId: target.id,
    });
    events.emit.mockClear();
    requestsRepository.insert.mockResolvedValue(false);
    await expect(sut.follow(viewer, 'grace.h')).resolves.toEqual({ status: 'requested' });
    expect(events.emit).not.toHaveBeenCalled();
  });

  it('is 404 for someone who blocks the viewer and 403 for someone the viewer blocks', async () => {
    visibility.assertProfile.mockRejectedValueOnce(notFound('User'));
    expect((await errorOf(sut.follow(viewer, 'grace.h'))).code).toBe(ErrorCode.NotFound);
    visibility.assertProfile.mockResolvedValueOnce(relation({ blocking: true }));
    expect((await errorOf(sut.follow(viewer, 'grace.h'))).code).toBe(ErrorCode.Forbidden);
    expect(tx.db.run).not.toHaveBeenCalled();
  });

  it('unfollows and moves both counters back, only when there was a follow', async () => {
    await sut.unfollow(viewer, 'grace.h');
    expect(followsRepository.delete).toHaveBeenCalledWith(viewer.id, target.id);
    expect(users.adjustFollowCounts).toHaveBeenCalledWith(viewer.id, target.id, -1);
    expect(events.emit).toHaveBeenCalledWith('follow.removed', {
      followerId: viewer.id,
      followeeId: target.id,
    });
    users.adjustFollowCounts.mockClear();
    events.emit.mockClear();
    followsRepository.delete.mockResolvedValue(false);
    await sut.unfollow(viewer, 'grace.h');
    expect(users.adjustFollowCounts).not.toHaveBeenCalled();
    expect(events.emit).not.toHaveBeenCalled();
  });

  it('withdraws a pending request on unfollow', async () => {
    followsRepository.delete.mockResolvedValue(false);
    requestsRepository.delete.mockResolvedValue(true);
    await sut.unfollow(viewer, 'grace.h');
    expect(requestsRepository.delete).toHaveBeenCalledWith(viewer.id, target.id);
    expect(events.emit).toHaveBeenCalledWith('follow.requestRemoved', {
      requesterId: viewer.id,
      targetId: target.id,
    });
  });

  it.each(['follow', 'unfollow'] as const)('refuses to %s yourself with a 400', async (action) => {
    users.findByUsernameOrFail.mockResolvedValue(
      Object.assign(new User(), { id: viewer.id, username: viewer.username }),
    );
    const error = await errorOf(sut[action](viewer, viewer.username));
    expect(error.code).toBe(ErrorCode.Validation);
    expect(error.errors).toEqual([{ field: 'username', message: expect.any(String) }]);
    expect(tx.db.run).not.toHaveBeenCalled();
  });

  it('registers the removal of an account’s follows with account deletion', async () => {
    sut.onModuleInit();
    const [step] = users.onAccountDeletion.mock.calls[0] as [(userId: string) => Promise<void>];
    followsRepository.removeAllOf.mockResolvedValue(undefined);
    await step('gone-id');
    expect(followsRepository.removeAllOf).toHaveBeenCalledWith('gone-id');
  });
});
