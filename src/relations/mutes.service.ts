import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest } from '../common/pagination/page';
import type { Viewer } from '../common/http/viewer.decorator';
import { TransactionHost } from '../database/transaction-host';
import type { UserSummaryDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { targetOf } from './blocks.service';
import { FollowsService } from './follows.service';
import { MutesRepository } from './mutes.repository';
import { PeopleLists } from './people-lists';

/**
 * Mutes: the muted person's posts leave the muter's feeds, explore and tags, and their
 * notifications stop; they can still follow and see each other, and cannot tell.
 */
@Injectable()
export class MutesService {
  constructor(
    private readonly mutesRepository: MutesRepository,
    private readonly follows: FollowsService,
    private readonly users: UsersService,
    private readonly lists: PeopleLists,
    private readonly db: TransactionHost,
    private readonly events: DomainEvents,
  ) {}

  /** Idempotent; `user.muted` takes their posts out of the muter's home timeline. */
  async mute(viewer: Viewer, username: string): Promise<void> {
    const target = await targetOf(this.users, viewer, username, 'mute');
    await this.db.run(async () => {
      await this.follows.lockBoth(viewer.id, target.id);
      const inserted = await this.mutesRepository.insert({
        id: newId(),
        muterId: viewer.id,
        mutedId: target.id,
        createdAt: new Date(),
      });
      if (inserted)
        await this.events.emit('user.muted', { muterId: viewer.id, mutedId: target.id });
    });
  }

  /** Idempotent; `user.unmuted` brings their posts back into the home timeline (a job). */
  async unmute(viewer: Viewer, username: string): Promise<void> {
    const target = await targetOf(this.users, viewer, username, 'unmute');
    await this.db.run(async () => {
      if (await this.mutesRepository.delete(viewer.id, target.id))
        await this.events.emit('user.unmuted', { muterId: viewer.id, mutedId: target.id });
    });
  }

  /** Whom the viewer mutes, newest first. */
  async page(viewer: Viewer, query: PageQueryDto): Promise<Page<UserSummaryDto>> {
    const request = pageRequest(query);
    return this.lists.summaries(
      await this.mutesRepository.page(viewer.id, request),
      request.limit,
      (row) => row.mutedId,
    );
  }
}
