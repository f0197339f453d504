import { Injectable } from '@nestjs/common';
import { keysetPage } from '../common/pagination/keyset';
import type { PageRequest } from '../common/pagination/page';
import { insertOrSkip } from '../database/row-writes';
import { TransactionHost } from '../database/transaction-host';
import { Block } from './entities/block.entity';

@Injectable()
export class BlocksRepository {
  constructor(private readonly db: TransactionHost) {}

  private get blocks() {
    return this.db.repository(Block);
  }

  /** True when the row is new; blocking twice is a no-op. */
  insert(block: Block): Promise<boolean> {
    return insertOrSkip(this.blocks, block);
  }

  /** True when a row was removed. */
  async delete(blockerId: string, blockedId: string): Promise<boolean> {
    const result = await this.blocks.delete({ blockerId, blockedId });
    return (result.affected ?? 0) > 0;
  }

  /** Whom the user blocks, newest first (IDX_blocks_blocker_id_created_at_id). */
  page(blockerId: string, page: PageRequest): Promise<Block[]> {
    const query = this.blocks
      .createQueryBuilder('block')
      .where('block.blockerId = :blockerId', { blockerId });
    return keysetPage(query, 'block', page).getMany();
  }
}
