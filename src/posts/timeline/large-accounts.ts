import { RecentCache } from '../../common/caching/recent-cache';

/** How long the set of large accounts, and whom of them a reader follows, is reused. */
export const LARGE_ACCOUNTS_TTL_MS = 60_000;

/** How many readers' followed large accounts are kept at most. */
export const FOLLOWED_LARGE_CAPACITY = 10_000;

/**
 * Accounts with more followers than TIMELINE_FANOUT_LIMIT: their posts are not fanned out but
 * merged into their followers' feeds at read time. Feed reads use this set, read again at most
 * once a minute, so a read costs no query for it most of the time; an account that just grew
 * past the limit is merged at most a minute late.
 */
export class LargeAccounts {
  private ids?: Promise<Set<string>>;
  private readAt = 0;

  constructor(private readonly load: () => Promise<string[]>) {}

  async all(now = Date.now()): Promise<Set<string>> {
    if (!this.ids || now - this.readAt >= LARGE_ACCOUNTS_TTL_MS) {
      this.readAt = now;
      this.ids = this.load().then((ids) => new Set(ids));
      this.ids.catch(() => (this.ids = undefined));
    }
    return this.ids;
  }
}

interface Followed {
  /** The set of large accounts the answer was read against. */
  large: Set<string>;
  readAt: number;
  ids: Promise<string[]>;
}

/**
 * Which large accounts each reader follows, so a home page names their authors in its
 * statement (a plain range of their posts) instead of asking the follows table in it. Kept a
 * minute at most, for the most recent readers; this process forgets a reader's answer when
 * they follow, unfollow, block or are blocked (TimelineListeners), so there it is never stale.
 * Another process may be stale for up to a minute about whose posts are merged in; who may see
 * them stays the visibility policy's, in the page's statement.
 */
export class FollowedLargeAccounts {
  private readonly answers = new RecentCache<string, Followed>(FOLLOWED_LARGE_CAPACITY);

  constructor(
    private readonly large: LargeAccounts,
    private readonly followedAmong: (followerId: string, ids: string[]) => Promise<Set<string>>,
  ) {}

  async of(followerId: string, now = Date.now()): Promise<string[]> {
    const large = await this.large.all(now);
    if (large.size === 0) return [];
    const known = this.answers.get(followerId);
    if (known && known.large === large && now - known.readAt < LARGE_ACCOUNTS_TTL_MS) {
      return known.ids;
    }
    const answer: Followed = {
      large,
      readAt: now,
      ids: this.followedAmong(followerId, [...large]).then((ids) => [...ids].sort()),
    };
    this.answers.set(followerId, answer);
    answer.ids.catch(() => {
      if (this.answers.get(followerId) === answer) this.answers.delete(followerId);
    });
    return answer.ids;
  }

  /** Their follows changed: the next read asks again. */
  forget(followerId: string): void {
    this.answers.delete(followerId);
  }
}
