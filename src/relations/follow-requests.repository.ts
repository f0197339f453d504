import { Injectable } from '@nestjs/common';
import { keysetPage } from '../common/pagination/keyset';
import type { PageRequest } from '../common/pagination/page';
import { insertOrSkip } from '../database/row-writes';
import { TransactionHost } from '../database/transaction-host';
import { FollowRequest } from './entities/follow-request.entity';

@Injectable()
export class FollowRequestsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get requests() {
    return this.db.repository(FollowRequest);
  }

  /** True when the request is new; asking twice is a no-op. */
  insert(request: FollowRequest): Promise<boolean> {
    return insertOrSkip(this.requests, request);
  }

  /** True when a pending request was removed. */
  async delete(requesterId: string, targetId: string): Promise<boolean> {
    const result = await this.requests.delete({ requesterId, targetId });
    return (result.affected ?? 0) > 0;
  }

  /** Who asks to follow the user, newest first (IDX_follow_requests_target_id_created_at_id). */
  page(targetId: string, page: PageRequest): Promise<FollowRequest[]> {
    const query = this.requests
      .createQueryBuilder('request')
      .where('request.targetId = :targetId', { targetId });
    return keysetPage(query, 'request', page).getMany();
  }

  /** Everyone whose request to follow the user is pending. */
  async requesterIds(targetId: string): Promise<string[]> {
    const rows = await this.requests.find({ select: { requesterId: true }, where: { targetId } });
    return rows.map((row) => row.requesterId);
  }
}
