import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import type { Role } from '../common/roles';
import { TransactionHost } from '../database/transaction-host';
import { User } from './entities/user.entity';

/** An account's standing: its role and whether it is suspended. */
@Injectable()
export class StandingRepository {
  constructor(private readonly db: TransactionHost) {}

  private get users() {
    return this.db.repository(User);
  }

  async anyAccountExists(): Promise<boolean> {
    return (await this.users.count({ take: 1 })) > 0;
  }

  async setRole(id: string, role: Role): Promise<void> {
    await this.users.update({ id }, { role });
  }

  async promoteToAdmin(usernames: string[]): Promise<void> {
    if (usernames.length === 0) return;
    await this.users.update({ username: In(usernames), role: Not('admin') }, { role: 'admin' });
  }

  /** True when the account was not suspended before. */
  async suspend(id: string, at: Date): Promise<boolean> {
    const result = await this.users.update({ id, suspendedAt: IsNull() }, { suspendedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** True when the account was suspended before. */
  async unsuspend(id: string): Promise<boolean> {
    const result = await this.users.update(
      { id, suspendedAt: Not(IsNull()) },
      { suspendedAt: null },
    );
    return (result.affected ?? 0) > 0;
  }
}
