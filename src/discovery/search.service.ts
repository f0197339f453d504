import { Injectable } from '@nestjs/common';
import type { Viewer } from '../common/http/viewer.decorator';
import { searchKey } from '../common/text/caption-parser';
import { VisibilityPolicy } from '../relations/visibility.policy';
import { ProfilesService } from '../users/profiles.service';
import type { SearchResultDto } from './dto/search.dto';
import { TagsService } from './tags.service';

const LIMIT = 10;

/** People and tags by prefix, each from an index range (no scan at any size). */
@Injectable()
export class SearchService {
  constructor(
    private readonly users: ProfilesService,
    private readonly tags: TagsService,
    private readonly visibility: VisibilityPolicy,
  ) {}

  /** People the policy hides from the viewer (a block either way, a suspension) are left out. */
  async search(q: string, viewer?: Viewer): Promise<SearchResultDto> {
    const sigil = q[0];
    const key = searchKey(sigil === '@' || sigil === '#' ? q.slice(1) : q).trim();
    if (key.length === 0) return { users: [], tags: [] };
    const [users, tags] = await Promise.all([
      sigil === '#' ? [] : this.users.searchByPrefix(key, LIMIT),
      sigil === '@' ? [] : this.tags.searchByPrefix(key, LIMIT),
    ]);
    // Suspended accounts are not searched at all; the policy takes out a blocked pair.
    const blocked = viewer
      ? await this.visibility.blockedEitherWay(
          viewer.id,
          users.map((user) => user.id),
        )
      : new Set<string>();
    return { users: users.filter((user) => !blocked.has(user.id)), tags };
  }
}
