import { Injectable } from '@nestjs/common';
import type { Page } from '../common/pagination/page';
import type { Viewer } from '../common/http/viewer.decorator';
import { FollowsService } from '../relations/follows.service';
import { VisibilityPolicy } from '../relations/visibility.policy';
import type { UserSummaryDto } from '../users/dto/user.dto';
import { ProfilesService } from '../users/profiles.service';

const LIMIT = 20;
/** How many of the most followed accounts are read: enough for those already followed to drop out. */
const POPULAR_READ = 200;

/**
 * People to follow: followed by those you follow (the most shared first), then the most
 * followed; never yourself, anyone you follow, block, mute or are blocked by, nor anyone
 * suspended.
 */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly follows: FollowsService,
    private readonly visibility: VisibilityPolicy,
  ) {}

  async for(viewer: Viewer): Promise<Page<UserSummaryDto>> {
    const [friendsOfFriends, popular] = await Promise.all([
      this.follows.followedByFollowees(viewer.id, LIMIT * 3),
      this.profiles.mostFollowed(POPULAR_READ),
    ]);
    const candidates = [...new Set([...friendsOfFriends, ...popular])].filter(
      (id) => id !== viewer.id,
    );
    // Friends of friends come without anyone the viewer follows; the popular are asked here.
    const [followed, visible] = await Promise.all([
      this.follows.followedAmong(viewer.id, popular),
      this.visibility.visiblePeople(viewer, candidates, true),
    ]);
    const ids = candidates.filter((id) => visible.has(id) && !followed.has(id)).slice(0, LIMIT);
    const summaries = await this.profiles.summaries(ids);
    return { items: ids.flatMap((id) => summaries.get(id) ?? []), nextCursor: null };
  }
}
