import { Injectable } from '@nestjs/common';
import { conflict } from '../common/errors/app-error';
import type { Role } from '../common/roles';
import { TransactionHost } from '../database/transaction-host';
import { StandingService } from '../users/standing.service';
import { UsersService } from '../users/users.service';
import { AuditLogService, type Moderator } from './audit-log.service';

/** Admins grant and take away roles; each change is in the audit log. */
@Injectable()
export class RolesService {
  constructor(
    private readonly users: UsersService,
    private readonly standing: StandingService,
    private readonly audit: AuditLogService,
    private readonly db: TransactionHost,
  ) {}

  async setRole(admin: Moderator, username: string, role: Role): Promise<void> {
    const user = await this.users.findByUsernameOrFail(username);
    if (role !== 'admin' && this.standing.isConfiguredAdmin(user.username))
      throw conflict(`${user.username} is named in ADMIN_USERNAMES and stays an admin.`);
    if (user.role === role) return;
    await this.db.run(async () => {
      await this.standing.setRole(user.id, role);
      await this.audit.record(admin, {
        action: 'role',
        subjectType: 'user',
        subjectId: user.id,
        note: `${user.role} → ${role}`,
      });
    });
  }
}
