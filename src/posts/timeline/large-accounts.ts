/** How long the set of large accounts is reused before it is read again. */
export const LARGE_ACCOUNTS_TTL_MS = 60_000;

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
