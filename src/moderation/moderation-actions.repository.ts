import { Injectable } from '@nestjs/common';
import { keysetPage } from '../common/pagination/keyset';
import type { PageRequest } from '../common/pagination/page';
import { TransactionHost } from '../database/transaction-host';
import { ModerationAction } from './entities/moderation-action.entity';

/** The audit log: appended to, never changed. */
@Injectable()
export class ModerationActionsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get actions() {
    return this.db.repository(ModerationAction);
  }

  async append(action: ModerationAction): Promise<void> {
    await this.actions.insert(action);
  }

  /** Newest first (IDX_moderation_actions_created_at_id). */
  findPage(page: PageRequest): Promise<ModerationAction[]> {
    return keysetPage(this.actions.createQueryBuilder('action'), 'action', page).getMany();
  }
}
