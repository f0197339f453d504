import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../common/events/domain-event-map';
import { OnDomainEvent } from '../common/events/on-domain-event.decorator';
import { FollowRequestsService } from './follow-requests.service';

@Injectable()
export class RelationsListeners {
  constructor(private readonly requests: FollowRequestsService) {}

  /** In the profile change's transaction: an account that opens up accepts every request. */
  @OnDomainEvent('account.madePublic')
  async madePublic({ userId }: DomainEventMap['account.madePublic']): Promise<void> {
    await this.requests.acceptAll(userId);
  }
}
