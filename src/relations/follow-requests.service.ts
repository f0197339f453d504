import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import { notFound } from '../common/errors/app-error';
import { type Page, type PageQueryDto, pageRequest } from '../common/pagination/page';
import type { Viewer } from '../common/http/viewer.decorator';
import { TransactionHost } from '../database/transaction-host';
import type { UserSummaryDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { FollowRequestsRepository } from './follow-requests.repository';
import { FollowsService } from './follows.service';
import { PeopleLists } from './people-lists';

/** Requests to follow a private account: its owner accepts (a follow) or declines them. */
@Injectable()
export class FollowRequestsService {
  constructor(
    private readonly requestsRepository: FollowRequestsRepository,
    private readonly follows: FollowsService,
    private readonly users: UsersService,
    private readonly lists: PeopleLists,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  /** Who asks to follow the viewer, newest first. */
  async page(viewer: Viewer, query: PageQueryDto): Promise<Page<UserSummaryDto>> {
    const request = pageRequest(query);
    return this.lists.summaries(
      await this.requestsRepository.page(viewer.id, request),
      request.limit,
      (row) => row.requesterId,
    );
  }

  /** The request becomes a follow; 404 when there is none pending from that user. */
  async accept(viewer: Viewer, username: string): Promise<void> {
    const requester = await this.users.findByUsernameOrFail(username);
    await this.db.run(async () => {
      await this.follows.lockBoth(viewer.id, requester.id);
      if (!(await this.acceptFrom(requester.id, viewer.id))) throw notFound('Follow request');
    });
  }

  /** The request goes, and may be made again; 404 when there is none pending from that user. */
  async decline(viewer: Viewer, username: string): Promise<void> {
    const requester = await this.users.findByUsernameOrFail(username);
    await this.db.run(async () => {
      if (!(await this.follows.withdraw(requester.id, viewer.id))) throw notFound('Follow request');
    });
  }

  /** In the caller's transaction: an account switched to public accepts every pending request. */
  async acceptAll(targetId: string): Promise<void> {
    for (const requesterId of await this.requestsRepository.requesterIds(targetId)) {
      await this.acceptFrom(requesterId, targetId);
    }
  }

  /** In the caller's transaction: both requests between two people go (a block). */
  async removeBetween(a: string, b: string): Promise<void> {
    await this.follows.withdraw(a, b);
    await this.follows.withdraw(b, a);
  }

  private async acceptFrom(requesterId: string, targetId: string): Promise<boolean> {
    if (!(await this.requestsRepository.delete(requesterId, targetId))) return false;
    await this.follows.add(requesterId, targetId);
    await this.events.emit('follow.accepted', { followerId: requesterId, followeeId: targetId });
    return true;
  }
}
