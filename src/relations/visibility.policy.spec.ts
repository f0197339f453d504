import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { errorOf } from '../../test/harness/unit';
import { ErrorCode } from '../common/errors/app-error';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { NO_RELATION, type Relation, VisibilityPolicy } from './visibility.policy';
import { VisibilityRepository } from './visibility.repository';

const viewer = { id: 'viewer-id', username: 'ada.l', role: 'user' as const };
const moderator = { id: 'mod-id', username: 'mod', role: 'moderator' as const };
const person = (changes: Partial<User> = {}) =>
  ({ id: 'person-id', private: false, suspendedAt: null, ...changes }) as User;
const relation = (changes: Partial<Relation> = {}): Relation => ({ ...NO_RELATION, ...changes });

describe('VisibilityPolicy', () => {
  let repository: StrictMock<VisibilityRepository>;
  let users: StrictMock<UsersService>;
  let sut: VisibilityPolicy;

  beforeEach(() => {
    repository = strictMock<VisibilityRepository>({
      between: jest.fn().mockResolvedValue(relation()),
      postCondition: jest.fn().mockReturnValue({ sql: 'x', params: {} }),
    });
    users = strictMock<UsersService>({ findById: jest.fn().mockResolvedValue(person()) });
    sut = new VisibilityPolicy(repository, users);
  });

  it.each([
    ['a public account', person(), relation(), 'content'],
    ['someone who blocks the viewer', person(), relation({ blockedBy: true }), 'none'],
    ['someone the viewer blocks', person(), relation({ blocking: true }), 'profile'],
    ['a private account, not followed', person({ private: true }), relation(), 'profile'],
    [
      'a private account, followed',
      person({ private: true }),
      relation({ following: true }),
      'content',
    ],
    [
      'a private account, requested',
      person({ private: true }),
      relation({ requested: true }),
      'profile',
    ],
    ['a muted account', person(), relation({ muting: true }), 'content'],
    ['a suspended account', person({ suspendedAt: new Date() }), relation(), 'none'],
  ])('gives a viewer of %s: %s', async (_what, who, between, expected) => {
    repository.between.mockResolvedValue(between);
    expect((await sut.access(viewer, who)).access).toBe(expected);
  });

  it('shows a suspended account to moderators, and anyone their own account', async () => {
    const suspended = person({ suspendedAt: new Date() });
    expect((await sut.access(moderator, suspended)).access).toBe('content');
    expect((await sut.access({ ...viewer, id: suspended.id }, suspended)).access).toBe('content');
    expect((await sut.access(undefined, suspended)).access).toBe('none');
  });

  it('shows nobody signed in public accounts only, without asking for relations', async () => {
    expect((await sut.access(undefined, person())).access).toBe('content');
    expect((await sut.access(undefined, person({ private: true }))).access).toBe('profile');
    expect(repository.between).not.toHaveBeenCalled();
  });

  it('keeps a post not published yet for its author, and 404s it for anyone else', async () => {
    const processing = { authorId: 'person-id', status: 'processing' };
    expect((await errorOf(sut.assertPost(viewer, processing))).code).toBe(ErrorCode.NotFound);
    expect(users.findById).not.toHaveBeenCalled();
    await expect(sut.assertPost({ ...viewer, id: 'person-id' }, processing)).resolves.toBe(
      processing,
    );
  });

  it('404s a published post whose author blocks the viewer, and a missing one', async () => {
    repository.between.mockResolvedValue(relation({ blockedBy: true }));
    const post = { authorId: 'person-id', status: 'published' };
    expect((await errorOf(sut.assertPost(viewer, post))).code).toBe(ErrorCode.NotFound);
    expect((await errorOf(sut.assertPost(viewer, null))).code).toBe(ErrorCode.NotFound);
  });

  it.each([
    ['public-feed', true],
    ['home-feed', true],
    ['explore', true],
    ['tag', true],
    ['profile', false],
    ['by-id', false],
  ] as const)('lets a mute hide the %s list: %s', (list, hidesMuted) => {
    sut.postsCondition(viewer, list);
    expect(repository.postCondition).toHaveBeenCalledWith({
      viewerId: viewer.id,
      blocksOrMutes: true,
      ownUnpublished: list === 'profile' || list === 'by-id',
      hideMuted: hidesMuted,
      suspendedToo: false,
    });
  });

  it('gives nobody signed in a list of people without suspended accounts, asking no relation', () => {
    repository.personCondition = jest.fn().mockReturnValue({ sql: 'x', params: {} });
    sut.peopleCondition(undefined, false);
    expect(repository.personCondition).toHaveBeenCalledWith({
      viewerId: undefined,
      blocksOrMutes: false,
      hideMuted: false,
      suspendedToo: false,
    });
    // Without a viewer there is no pair to probe, whatever the options say.
    expect(
      new VisibilityRepository(null as never).personCondition({
        blocksOrMutes: true,
        hideMuted: true,
        suspendedToo: false,
      }),
    ).toEqual({
      sql: '+person.suspended_at IS NULL',
      params: {},
    });
  });

  describe('a viewer the session says has no blocks or mutes', () => {
    const unrelated = { ...viewer, hasBlocksOrMutes: false };

    it('gets conditions without the block and mute clauses', () => {
      sut.postsCondition(unrelated, 'home-feed');
      expect(repository.postCondition).toHaveBeenCalledWith(
        expect.objectContaining({ viewerId: viewer.id, blocksOrMutes: false, hideMuted: true }),
      );
    });

    it('sees a page of people without the block and mute lookups, suspended people still left out', async () => {
      users.suspendedAmong = jest.fn().mockResolvedValue(new Set(['b']));
      await expect(sut.visiblePeople(unrelated, ['a', 'b', 'c'], true)).resolves.toEqual(
        new Set(['a', 'c']),
      );
      // The strict mocks would throw had blockedEitherWay or mutedAmong been called.
    });

    it('is checked like anyone once the session says it has some', async () => {
      users.suspendedAmong = jest.fn().mockResolvedValue(new Set());
      repository.blockedEitherWay = jest.fn().mockResolvedValue(new Set(['a']));
      repository.mutedAmong = jest.fn().mockResolvedValue(new Set(['c']));
      const related = { ...viewer, hasBlocksOrMutes: true };
      await expect(sut.visiblePeople(related, ['a', 'b', 'c'], true)).resolves.toEqual(
        new Set(['b']),
      );
      sut.postsCondition(related, 'tag');
      expect(repository.postCondition).toHaveBeenCalledWith(
        expect.objectContaining({ blocksOrMutes: true }),
      );
    });
  });
});
