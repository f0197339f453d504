import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import { invalid } from '../common/errors/app-error';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest } from '../common/pagination/page';
import type { Viewer } from '../common/http/viewer.decorator';
import { TransactionHost } from '../database/transaction-host';
import type { UserSummaryDto } from '../users/dto/user.dto';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { BlocksRepository } from './blocks.repository';
import { FollowRequestsService } from './follow-requests.service';
import { FollowsService } from './follows.service';
import { PeopleLists } from './people-lists';

/**
 * Blocks: a blocked pair sees none of each other's content and cannot follow, like, comment
 * on or mention each other. Blocking ends their follows both ways and their pending requests.
 */
@Injectable()
export class BlocksService {
  constructor(
    private readonly blocksRepository: BlocksRepository,
    private readonly follows: FollowsService,
    private readonly requests: FollowRequestsService,
    private readonly users: UsersService,
    private readonly lists: PeopleLists,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  /** Idempotent; each follow and request removed tells its own event, then `user.blocked`. */
  async block(viewer: Viewer, username: string): Promise<void> {
    const target = await targetOf(this.users, viewer, username, 'block');
    await this.db.run(async () => {
      await this.follows.lockBoth(viewer.id, target.id);
      const inserted = await this.blocksRepository.insert({
        id: newId(),
        blockerId: viewer.id,
        blockedId: target.id,
        createdAt: new Date(),
      });
      if (!inserted) return;
      await this.follows.remove(viewer.id, target.id);
      await this.follows.remove(target.id, viewer.id);
      await this.requests.removeBetween(viewer.id, target.id);
      await this.events.emit('user.blocked', { blockerId: viewer.id, blockedId: target.id });
    });
  }

  /** Idempotent. Follows ended by the block stay ended. */
  async unblock(viewer: Viewer, username: string): Promise<void> {
    const target = await targetOf(this.users, viewer, username, 'unblock');
    await this.blocksRepository.delete(viewer.id, target.id);
  }

  /** Whom the viewer blocks, newest first. */
  async page(viewer: Viewer, query: PageQueryDto): Promise<Page<UserSummaryDto>> {
    const request = pageRequest(query);
    return this.lists.summaries(
      await this.blocksRepository.page(viewer.id, request),
      request.limit,
      (row) => row.blockedId,
    );
  }
}

/** The user named, never the viewer (400). */
export async function targetOf(
  users: UsersService,
  viewer: Viewer,
  username: string,
  action: string,
): Promise<User> {
  const target = await users.findByUsernameOrFail(username);
  if (target.id === viewer.id)
    throw invalid([{ field: 'username', message: `You cannot ${action} yourself.` }]);
  return target;
}
