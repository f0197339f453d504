import { Injectable } from '@nestjs/common';
import { adjustCounter } from '../database/row-writes';
import { TransactionHost } from '../database/transaction-host';
import { User } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly db: TransactionHost) {}

  private get users() {
    return this.db.repository(User);
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

  insert(user: User): Promise<unknown> {
    return this.users.insert(user);
  }

  async updateProfile(
    id: string,
    changes: Partial<Pick<User, 'firstName' | 'lastName' | 'bio' | 'avatarImageId'>>,
    at: Date,
  ) {
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
