import { Injectable } from '@nestjs/common';
import type { SqlCondition } from '../database/sql-condition';
import { TransactionHost } from '../database/transaction-host';

/** The caller's relation to one person, read in one statement. */
export interface Relation {
  following: boolean;
  followedBy: boolean;
  requested: boolean;
  blocking: boolean;
  blockedBy: boolean;
  muting: boolean;
}

/** Nobody signed in, or oneself: no relation at all. */
export const NO_RELATION: Readonly<Relation> = {
  following: false,
  followedBy: false,
  requested: false,
  blocking: false,
  blockedBy: false,
  muting: false,
};

export interface PostConditionOptions {
  viewerId?: string;
  /** False when the viewer is in no block and mutes nobody: those clauses are left out. */
  blocksOrMutes: boolean;
  /** The viewer's own posts still processing or failed (their profile). */
  ownUnpublished: boolean;
  /** Lists a mute hides from the muter (feeds, explore, tags). */
  hideMuted: boolean;
  /** Moderators see suspended accounts. */
  suspendedToo: boolean;
}

export interface PersonConditionOptions {
  /** Nobody signed in: only suspended accounts are hidden. */
  viewerId?: string;
  /** As for posts. */
  blocksOrMutes: boolean;
  hideMuted: boolean;
  suspendedToo: boolean;
}

const placeholders = (values: unknown[]) => values.map(() => '?').join(', ');
const truthy = (value: unknown) => Number(value) === 1;

/**
 * The SQL of the visibility policy: relations between people (follows, blocks, mutes, follow
 * requests) and the conditions list queries apply. Its params are prefixed `vis` so they never
 * collide with the caller's.
 */
@Injectable()
export class VisibilityRepository {
  constructor(private readonly db: TransactionHost) {}

  async between(viewerId: string, personId: string): Promise<Relation> {
    const rows: Array<Record<`r_${keyof Relation}`, unknown>> = await this.db.manager.query(
      'SELECT ' +
        'EXISTS (SELECT 1 FROM follows WHERE follower_id = ? AND followee_id = ?) AS r_following, ' +
        'EXISTS (SELECT 1 FROM follows WHERE follower_id = ? AND followee_id = ?) AS r_followedBy, ' +
        'EXISTS (SELECT 1 FROM follow_requests WHERE requester_id = ? AND target_id = ?) AS r_requested, ' +
        'EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?) AS r_blocking, ' +
        'EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?) AS r_blockedBy, ' +
        'EXISTS (SELECT 1 FROM mutes WHERE muter_id = ? AND muted_id = ?) AS r_muting',
      [
        ...[viewerId, personId],
        ...[personId, viewerId],
        ...[viewerId, personId],
        ...[viewerId, personId],
        ...[personId, viewerId],
        ...[viewerId, personId],
      ],
    );
    const row = rows[0];
    return {
      following: truthy(row.r_following),
      followedBy: truthy(row.r_followedBy),
      requested: truthy(row.r_requested),
      blocking: truthy(row.r_blocking),
      blockedBy: truthy(row.r_blockedBy),
      muting: truthy(row.r_muting),
    };
  }

  /** Which of these people are in a block with the viewer, whoever blocked whom. */
  async blockedEitherWay(viewerId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `SELECT blocked_id AS id FROM blocks WHERE blocker_id = ? AND blocked_id IN (${placeholders(ids)}) ` +
        `UNION SELECT blocker_id AS id FROM blocks WHERE blocked_id = ? AND blocker_id IN (${placeholders(ids)})`,
      [viewerId, ...ids, viewerId, ...ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Which of these people the viewer mutes. */
  async mutedAmong(viewerId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `SELECT muted_id AS id FROM mutes WHERE muter_id = ? AND muted_id IN (${placeholders(ids)})`,
      [viewerId, ...ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Posts (alias `post`) the viewer may see in a list, by their author (alias `author`, the
   * author's users row). Each clause is an index lookup: the unique (a, b) pairs of follows,
   * blocks and mutes.
   */
  postCondition(options: PostConditionOptions): SqlCondition {
    const { viewerId } = options;
    const clauses = [
      viewerId && options.ownUnpublished
        ? "(post.status = 'published' OR post.author_id = :visViewer)"
        : "post.status = 'published'",
    ];
    // The unary `+` keeps the author's columns from being used as an index: SQLite would
    // otherwise drive the query from IDX_users_suspended_at or IDX_users_private (every
    // author's posts, then a sort) instead of seeking the posts' keyset index.
    if (!options.suspendedToo) clauses.push('+author.suspended_at IS NULL');
    if (!viewerId) {
      clauses.push('NOT +author.private');
      return { sql: clauses.join(' AND '), params: {} };
    }
    // One CASE: hidden when in a block either way or muted (where a mute hides), shown when
    // public or their own, else shown when the viewer follows them.
    clauses.push(
      standingCase(
        this.hidingRelations('author', options),
        'WHEN NOT +author.private OR author.id = :visViewer THEN 1 ELSE EXISTS ' +
          '(SELECT 1 FROM follows vis_f WHERE vis_f.follower_id = :visViewer AND vis_f.followee_id = author.id)',
      ),
    );
    return { sql: clauses.join(' AND '), params: { visViewer: viewerId } };
  }

  /**
   * People (alias `person`, a users row) the viewer may see in a list: not suspended, in no
   * block with the viewer, and not muted by them where a mute hides.
   */
  personCondition(options: PersonConditionOptions): SqlCondition {
    const clauses: string[] = [];
    // `+`: SQLite never drives the query from IDX_users_suspended_at (see postCondition); MariaDB
    // drops the `+`, so lists ask this of each row (ofEachPerson) rather than join `users`.
    if (!options.suspendedToo) clauses.push('+person.suspended_at IS NULL');
    const hiding = options.viewerId ? this.hidingRelations('person', options) : [];
    if (hiding.length > 0) clauses.push(standingCase(hiding, 'ELSE 1'));
    // a moderator in no block and muting nobody may see everyone
    return {
      sql: clauses.join(' AND ') || '1 = 1',
      params: hiding.length > 0 ? { visViewer: options.viewerId } : {},
    };
  }

  /**
   * Whether the user (`alias`, a users row) is in any block, either way, or mutes anyone: an
   * SQL expression for the statement that loads a signed-in caller, so their lists can leave
   * out the clauses below when the answer is no. Each EXISTS is one index probe.
   */
  blocksOrMutesSql(alias: string): string {
    return (
      `(EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ${alias}.id) ` +
      `OR EXISTS (SELECT 1 FROM blocks WHERE blocked_id = ${alias}.id) ` +
      `OR EXISTS (SELECT 1 FROM mutes WHERE muter_id = ${alias}.id))`
    );
  }

  /** The tests of the relations that hide a person (`alias`) from the viewer (see standingCase). */
  private hidingRelations(
    alias: string,
    { blocksOrMutes, hideMuted }: { blocksOrMutes: boolean; hideMuted: boolean },
  ): string[] {
    if (!blocksOrMutes) return [];
    const tests = [
      `EXISTS (SELECT 1 FROM blocks vis_b WHERE vis_b.blocker_id = :visViewer AND vis_b.blocked_id = ${alias}.id)`,
      `EXISTS (SELECT 1 FROM blocks vis_bb WHERE vis_bb.blocker_id = ${alias}.id AND vis_bb.blocked_id = :visViewer)`,
    ];
    if (hideMuted)
      tests.push(
        `EXISTS (SELECT 1 FROM mutes vis_m WHERE vis_m.muter_id = :visViewer AND vis_m.muted_id = ${alias}.id)`,
      );
    return tests;
  }
}

/**
 * Whether the viewer sees a person, as one CASE over their row: each relation that hides them
 * (`hiding`: a block either way; a mute, where it hides) is a WHEN of its own answering no, then
 * `otherwise` (ELSE, or more WHENs then ELSE). Each EXISTS stays a subquery of the row, one
 * probe of the pair's unique index. Written as `NOT EXISTS` clauses or `… OR EXISTS`, MariaDB
 * turns each into an IN and reads all of the viewer's blocks, mutes or follows into a temporary
 * table for every page: 3.6 ms instead of 1.4 for a public page read by someone muting 2,000
 * people and blocking 500; 5.2 ms instead of 0.9 for a page holding a private author, read by
 * someone following 5,000.
 */
function standingCase(hiding: string[], otherwise: string): string {
  return `CASE ${[...hiding.map((exists) => `WHEN ${exists} THEN 0`), otherwise].join(' ')} END = 1`;
}
