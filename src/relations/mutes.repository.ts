import { Injectable } from '@nestjs/common';
import { keysetPage } from '../common/pagination/keyset';
import type { PageRequest } from '../common/pagination/page';
import { insertOrSkip } from '../database/row-writes';
import { TransactionHost } from '../database/transaction-host';
import { Mute } from './entities/mute.entity';

@Injectable()
export class MutesRepository {
  constructor(private readonly db: TransactionHost) {}

  private get mutes() {
    return this.db.repository(Mute);
  }

  /** True when the row is new; muting twice is a no-op. */
  insert(mute: Mute): Promise<boolean> {
    return insertOrSkip(this.mutes, mute);
  }

  /** True when a row was removed. */
  async delete(muterId: string, mutedId: string): Promise<boolean> {
    const result = await this.mutes.delete({ muterId, mutedId });
    return (result.affected ?? 0) > 0;
  }

  /** Whom the user mutes, newest first (IDX_mutes_muter_id_created_at_id). */
  page(muterId: string, page: PageRequest): Promise<Mute[]> {
    const query = this.mutes
      .createQueryBuilder('mute')
      .where('mute.muterId = :muterId', { muterId });
    return keysetPage(query, 'mute', page).getMany();
  }
}
