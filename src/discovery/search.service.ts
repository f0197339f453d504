import { Injectable } from '@nestjs/common';
import { searchKey } from '../common/text/caption-parser';
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
  ) {}

  async search(q: string): Promise<SearchResultDto> {
    const sigil = q[0];
    const key = searchKey(sigil === '@' || sigil === '#' ? q.slice(1) : q).trim();
    if (key.length === 0) return { users: [], tags: [] };
    const [users, tags] = await Promise.all([
      sigil === '#' ? [] : this.users.searchByPrefix(key, LIMIT),
      sigil === '@' ? [] : this.tags.searchByPrefix(key, LIMIT),
    ]);
    return { users, tags };
  }
}
