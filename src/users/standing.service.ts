import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Role } from '../common/roles';
import type { FreebConfig } from '../config/configuration';
import { StandingRepository } from './standing.repository';

/**
 * Roles and suspension, as the moderation module changes them. The first account and the
 * accounts named in ADMIN_USERNAMES are admins.
 */
@Injectable()
export class StandingService implements OnApplicationBootstrap {
  private readonly adminUsernames: Set<string>;

  constructor(
    private readonly standing: StandingRepository,
    config: ConfigService<FreebConfig, true>,
  ) {
    this.adminUsernames = new Set(config.get('app', { infer: true }).adminUsernames);
  }

  /** Names added to ADMIN_USERNAMES after their accounts exist become admins at the next start. */
  async onApplicationBootstrap(): Promise<void> {
    await this.standing.promoteToAdmin([...this.adminUsernames]);
  }

  /** The role a new account starts with. */
  async initialRole(username: string): Promise<Role> {
    if (this.adminUsernames.has(username)) return 'admin';
    return (await this.standing.anyAccountExists()) ? 'user' : 'admin';
  }

  /** Whether the role is fixed by ADMIN_USERNAMES (then it cannot be taken away). */
  isConfiguredAdmin(username: string): boolean {
    return this.adminUsernames.has(username);
  }

  setRole(userId: string, role: Role): Promise<void> {
    return this.standing.setRole(userId, role);
  }

  /** True when the account was active until now. Its sessions end on their next request. */
  suspend(userId: string): Promise<boolean> {
    return this.standing.suspend(userId, new Date());
  }

  /** True when the account was suspended until now. */
  unsuspend(userId: string): Promise<boolean> {
    return this.standing.unsuspend(userId);
  }
}
