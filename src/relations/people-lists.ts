import { Injectable } from '@nestjs/common';
import { type Keyset, type Page, toPage } from '../common/pagination/page';
import type { UserSummaryDto } from '../users/dto/user.dto';
import { ProfilesService } from '../users/profiles.service';

/** A keyset page of relation rows (blocks, mutes, requests) as a page of user summaries. */
@Injectable()
export class PeopleLists {
  constructor(private readonly profiles: ProfilesService) {}

  async summaries<R extends Keyset>(
    rows: R[],
    limit: number,
    person: (row: R) => string,
  ): Promise<Page<UserSummaryDto>> {
    const page = toPage(rows, limit, (visible) => visible);
    const summaries = await this.profiles.summaries(page.items.map(person));
    return {
      items: page.items.flatMap((row) => summaries.get(person(row)) ?? []),
      nextCursor: page.nextCursor,
    };
  }
}
