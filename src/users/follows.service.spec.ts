import { DomainEvents } from '../common/events/domain-events';
import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { errorOf, transactions, type Transactions } from '../../test/harness/unit';
import { ErrorCode } from '../common/errors/app-error';
import { User } from './entities/user.entity';
import { FollowsRepository } from './follows.repository';
import { FollowsService } from './follows.service';
import { ProfilesService } from './profiles.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const viewer = { id: 'viewer-id', username: 'ada.l', role: 'user' as const };
const target = Object.assign(new User(), {
  id: 'target-id',
  username: 'grace.h',
  role: 'user' as const,
});

describe('FollowsService', () => {
  let tx: Transactions;
  let followsRepository: StrictMock<FollowsRepository>;
  let usersRepository: StrictMock<UsersRepository>;
  let events: StrictMock<DomainEvents>;
  let users: StrictMock<UsersService>;
  let sut: FollowsService;

  beforeEach(() => {
    tx = transactions();
    followsRepository = strictMock<FollowsRepository>({
      insert: tx.inside(true),
      delete: tx.inside(true),
      removeAllOf: jest.fn(),
    });
    usersRepository = strictMock<UsersRepository>({ adjust: tx.inside() });
    events = strictMock<DomainEvents>({ emit: tx.inside() });
    users = strictMock<UsersService>({
      findByUsernameOrFail: jest.fn().mockResolvedValue(target),
      onAccountDeletion: jest.fn(),
    });
    sut = new FollowsService(
      followsRepository,
      usersRepository,
      users,
      strictMock<ProfilesService>(),
      tx.db,
      events,
    );
  });

  it('follows and moves both counters, in one transaction that locks both users', async () => {
    await sut.follow(viewer, 'grace.h');
    expect(tx.db.lockExisting).toHaveBeenCalledWith(User, [viewer.id, target.id]);
    expect(followsRepository.insert).toHaveBeenCalledWith(
      expect.objectContaining({ followerId: viewer.id, followeeId: target.id }),
    );
    expect(usersRepository.adjust.mock.calls).toEqual([
      [viewer.id, 'followingCount', 1],
      [target.id, 'followersCount', 1],
    ]);
    expect(events.emit).toHaveBeenCalledWith('follow.added', {
      followerId: viewer.id,
      followeeId: target.id,
    });
  });

  it('counts nothing when already following', async () => {
    followsRepository.insert.mockResolvedValue(false);
    await sut.follow(viewer, 'grace.h');
    expect(usersRepository.adjust).not.toHaveBeenCalled();
    expect(events.emit).not.toHaveBeenCalled();
  });

  it('unfollows and moves both counters back, only when there was a follow', async () => {
    await sut.unfollow(viewer, 'grace.h');
    expect(followsRepository.delete).toHaveBeenCalledWith(viewer.id, target.id);
    expect(usersRepository.adjust.mock.calls).toEqual([
      [viewer.id, 'followingCount', -1],
      [target.id, 'followersCount', -1],
    ]);
    expect(events.emit).toHaveBeenCalledWith('follow.removed', {
      followerId: viewer.id,
      followeeId: target.id,
    });
    usersRepository.adjust.mockClear();
    events.emit.mockClear();
    followsRepository.delete.mockResolvedValue(false);
    await sut.unfollow(viewer, 'grace.h');
    expect(usersRepository.adjust).not.toHaveBeenCalled();
    expect(events.emit).not.toHaveBeenCalled();
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
