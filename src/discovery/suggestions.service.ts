import { Injectable } from '@nestjs/common';
import type { Page } from '../common/pagination/page';
import type { UserSummaryDto } from '../users/dto/user.dto';
import type { Viewer } from '../common/http/viewer.decorator';
import { ProfilesService } from '../users/profiles.service';

const LIMIT = 20;

/** People to follow: followed by those you follow, then popular. */
@Injectable()
export class SuggestionsService {
  constructor(private readonly users: ProfilesService) {}

  async for(viewer: Viewer): Promise<Page<UserSummaryDto>> {
    // The people the viewer blocks, mutes or is blocked by join this set once relations exist.
    const hidden = new Set<string>();
    return { items: await this.users.suggestionsFor(viewer.id, LIMIT, hidden), nextCursor: null };
  }
}
