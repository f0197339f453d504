import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { rawDatetime } from '../database/raw-datetime';
import { adjustCounter } from '../database/row-writes';
import { type PrefixSearchIndexes, bestIdsByPrefix } from '../database/ranked-prefix-search';
import { TransactionHost } from '../database/transaction-host';
import { type SessionUser, User } from './entities/user.entity';

export type ProfileFields = Pick<
  User,
  'firstName' | 'lastName' | 'firstNameKey' | 'lastNameKey' | 'bio' | 'avatarImageId' | 'private'
>;

/**
 * What search shows and ranks by (a summary, the follower count) and whether it may show it
 * (suspended); never the hash or email.
 */
const SEARCHED_COLUMNS = [
  'user.id',
  'user.username',
  'user.firstName',
  'user.lastName',
  'user.avatarImageId',
  'user.followersCount',
  'user.suspendedAt',
];

/** People by prefix: the most followed first (the exact username is the service's to put first). */
const USER_SEARCH: PrefixSearchIndexes = {
  table: 'users',
  keys: [
    { column: 'username', index: 'IDX_users_username_followers_count' },
    { column: 'first_name_key', index: 'IDX_users_first_name_key_followers_count' },
    { column: 'last_name_key', index: 'IDX_users_last_name_key_followers_count' },
  ],
  orderBy: 'candidate.followers_count DESC, candidate.id',
  ranking: 'IDX_users_search_ranking',
  exact: { column: 'username', index: 'UQ_users_username' },
};

@Injectable()
export class UsersRepository {
  constructor(private readonly db: TransactionHost) {}

  private get users() {
    return this.db.repository(User);
  }

  /**
   * The columns a signed-in request reads of its caller (`alias` a users row), for a statement
   * of another module's to join (the session store's): never the password hash or the email.
   * `sessionUserOf` reads them back.
   */
  sessionUserColumns(alias: string): string {
    return (
      `${alias}.id AS su_id, ${alias}.username AS su_username, ${alias}.role AS su_role, ` +
      `${alias}.session_generation AS su_session_generation, ${alias}.suspended_at AS su_suspended_at`
    );
  }

  /** The session user in a row selected with `sessionUserColumns`; null when it joined nobody. */
  sessionUserOf(row: Record<string, unknown>): SessionUser | null {
    if (row.su_id === null || row.su_id === undefined) return null;
    return {
      id: row.su_id as string,
      username: row.su_username as string,
      role: row.su_role as SessionUser['role'],
      sessionGeneration: Number(row.su_session_generation),
      suspendedAt:
        row.su_suspended_at === null ? null : rawDatetime(row.su_suspended_at as Date | string),
    };
  }

  /** What a user summary shows, and nothing else: never the password hash or the email. */
  findSummariesByIds(ids: string[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users
      .createQueryBuilder('user')
      .select(['user.id', 'user.username', 'user.firstName', 'user.lastName', 'user.avatarImageId'])
      .where('user.id IN (:...ids)', { ids })
      .getMany();
  }

  /** Accounts with more followers than `count` (IDX_users_followers_count). */
  async idsWithFollowersOver(count: number): Promise<string[]> {
    const rows = await this.users
      .createQueryBuilder('user')
      .select('user.id', 'id')
      .where('user.followersCount > :count', { count })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  async existingUsernames(usernames: string[]): Promise<string[]> {
    return [...(await this.idsByUsernames(usernames)).keys()];
  }

  async idsByUsernames(usernames: string[]): Promise<Map<string, string>> {
    if (usernames.length === 0) return new Map();
    const rows = await this.users.find({
      select: { id: true, username: true },
      where: { username: In(usernames) },
    });
    return new Map(rows.map((row) => [row.username, row.id]));
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  async existsByUsernameOrEmail(
    username: string,
    email: string,
  ): Promise<{ username: boolean; email: boolean }> {
    const rows = await this.users.find({
      select: { username: true, email: true },
      where: [{ username }, { email }],
    });
    return {
      username: rows.some((row) => row.username === username),
      email: rows.some((row) => row.email === email),
    };
  }

  /**
   * Up to `limit` users whose username, first or last name starts with `key` (lower-case,
   * accent-free), the most followed first within each: one index range per column, no scan.
   * Each carries `suspendedAt` (read with the row, no extra cost) for search to leave out.
   */
  /**
   * The `limit` most followed users whose username, first or last name key starts with `key`,
   * and the user named exactly `key` (src/database/ranked-prefix-search.ts chooses the plan):
   * only those rows are read.
   */
  async searchByPrefix(key: string, limit: number): Promise<User[]> {
    const best = await bestIdsByPrefix(this.db, USER_SEARCH, key, limit);
    return this.users
      .createQueryBuilder('user')
      .select(SEARCHED_COLUMNS)
      .innerJoin(`(${best.sql})`, 'best', 'best.id = user.id')
      .setParameters(best.params)
      .orderBy('user.followersCount', 'DESC')
      .addOrderBy('user.id', 'ASC')
      .getMany();
  }

  /** The most followed accounts that are not suspended (index IDX_users_followers_count). */
  async mostFollowed(limit: number): Promise<string[]> {
    const rows = await this.users
      .createQueryBuilder('user')
      .select('user.id', 'id')
      .where('user.suspendedAt IS NULL')
      .orderBy('user.followersCount', 'DESC')
      .addOrderBy('user.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** Which of these accounts are suspended, in one query. */
  async suspendedAmong(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.users.find({
      select: { id: true },
      where: { id: In(ids), suspendedAt: Not(IsNull()) },
    });
    return new Set(rows.map((row) => row.id));
  }

  insert(user: User): Promise<unknown> {
    return this.users.insert(user);
  }

  async updateProfile(id: string, changes: Partial<ProfileFields>, at: Date) {
    await this.users.update({ id }, { ...changes, updatedAt: at });
  }

  /** Sets a new password hash and bumps the session generation in one statement. */
  async replacePassword(id: string, passwordHash: string, at: Date): Promise<void> {
    await this.users
      .createQueryBuilder()
      .update()
      .set({ passwordHash, updatedAt: at, sessionGeneration: () => 'session_generation + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Atomic counter change (`count = count + delta`), in the caller's transaction. */
  async adjust(
    id: string,
    counter: 'postsCount' | 'followersCount' | 'followingCount',
    delta: number,
  ): Promise<void> {
    await adjustCounter(this.users, id, counter, delta);
  }

  async delete(id: string): Promise<void> {
    await this.users.delete({ id });
  }
}
