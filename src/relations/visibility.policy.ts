import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors/app-error';
import type { Viewer } from '../common/http/viewer.decorator';
import { hasRole } from '../common/roles';
import { UsersService } from '../users/users.service';
import type { SqlCondition } from '../database/sql-condition';
import { NO_RELATION, type Relation, VisibilityRepository } from './visibility.repository';

export { NO_RELATION, type Relation } from './visibility.repository';

/** What the policy needs of a person: their users row's standing. */
export interface Person {
  id: string;
  private: boolean;
  suspendedAt: Date | null;
}

/**
 * What a viewer may see of a person: nothing (404), their profile only (no posts, no follow
 * lists: a private account to a non-follower, someone the viewer blocks), or everything.
 */
export type Access = 'none' | 'profile' | 'content';

/** The lists of posts (and a post by id), by what a mute does to them. */
export type PostList = 'public-feed' | 'home-feed' | 'explore' | 'tag' | 'profile' | 'by-id';

const MUTE_HIDES: ReadonlySet<PostList> = new Set(['public-feed', 'home-feed', 'explore', 'tag']);

/**
 * The one visibility policy (docs/architecture.md, "Visibility"): every read path asks it,
 * for one item (a profile, a post, a person) or for a list (a query condition).
 *
 * - a blocked pair (either way) sees none of each other's posts, comments or likes; the
 *   blocked person gets 404 for the blocker's profile, the blocker sees the profile only;
 * - a private account's posts and follow lists are for its approved followers and itself;
 * - a mute hides the muted person's posts from the muter's feeds, explore and tags, and
 *   their notifications;
 * - a suspended account is 404 to everyone but moderators;
 * - a post still processing or failed is its author's alone.
 */
@Injectable()
export class VisibilityPolicy {
  constructor(
    private readonly visibility: VisibilityRepository,
    private readonly users: UsersService,
  ) {}

  /** The viewer's relation to a person (all false for nobody signed in or oneself). */
  relation(viewer: Viewer | undefined, personId: string): Promise<Relation> {
    if (!viewer || viewer.id === personId) return Promise.resolve(NO_RELATION);
    return this.visibility.between(viewer.id, personId);
  }

  /** How much of a person the viewer sees, with the relation it was decided on. */
  async access(
    viewer: Viewer | undefined,
    person: Person,
  ): Promise<{ access: Access; relation: Relation }> {
    const relation = await this.relation(viewer, person.id);
    return { access: accessOf(viewer, person, relation), relation };
  }

  /** The person's profile may be shown (404 otherwise); answers the relation. */
  async assertProfile(viewer: Viewer | undefined, person: Person): Promise<Relation> {
    const { access, relation } = await this.access(viewer, person);
    if (access === 'none') throw notFound('User');
    return relation;
  }

  /** Whether the viewer may see this post (by id: a mute does not hide it). */
  async canSeePost(
    viewer: Viewer | undefined,
    post: { authorId: string; status: string },
  ): Promise<boolean> {
    if (post.status !== 'published' && post.authorId !== viewer?.id) return false;
    const author = await this.users.findById(post.authorId);
    if (!author) return false;
    return (await this.access(viewer, author)).access === 'content';
  }

  /** The post, or a 404 when the viewer may not see it. */
  async assertPost<P extends { authorId: string; status: string }>(
    viewer: Viewer | undefined,
    post: P | null,
  ): Promise<P> {
    if (!post || !(await this.canSeePost(viewer, post))) throw notFound('Post');
    return post;
  }

  /** The condition a list of posts (or a post by id) applies (aliases `post` and `author`). */
  postsCondition(viewer: Viewer | undefined, list: PostList): SqlCondition {
    return this.visibility.postCondition({
      viewerId: viewer?.id,
      blocksOrMutes: mayHaveBlocksOrMutes(viewer),
      ownUnpublished: list === 'profile' || list === 'by-id',
      hideMuted: MUTE_HIDES.has(list),
      suspendedToo: isModerator(viewer),
    });
  }

  /**
   * The condition a page of people applies in its statement (alias `person`, a users row), so
   * the page holds `limit` of those the viewer may see: followers and following, likers,
   * comments' authors, notifications' actors (`hideMuted`).
   */
  peopleCondition(viewer: Viewer | undefined, hideMuted: boolean): SqlCondition {
    return this.visibility.personCondition({
      viewerId: viewer?.id,
      blocksOrMutes: viewer !== undefined && mayHaveBlocksOrMutes(viewer),
      hideMuted,
      suspendedToo: isModerator(viewer),
    });
  }

  /**
   * Which of these people the viewer may see, asked of a list read elsewhere (suggestions):
   * not suspended, in no block with the viewer, and not muted where `hideMuted`. Two queries
   * whatever their number.
   */
  async visiblePeople(
    viewer: Viewer | undefined,
    ids: string[],
    hideMuted = false,
  ): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    const relations = viewer && mayHaveBlocksOrMutes(viewer) ? viewer : undefined;
    const [suspended, blocked, muted] = await Promise.all([
      isModerator(viewer) ? new Set<string>() : this.users.suspendedAmong(unique),
      relations ? this.visibility.blockedEitherWay(relations.id, unique) : new Set<string>(),
      relations && hideMuted ? this.visibility.mutedAmong(relations.id, unique) : new Set<string>(),
    ]);
    return new Set(unique.filter((id) => !suspended.has(id) && !blocked.has(id) && !muted.has(id)));
  }

  /**
   * Whether a user (`alias`, a users row) is in any block, either way, or mutes anyone: an SQL
   * expression for the statement that loads a signed-in caller (Viewer.hasBlocksOrMutes).
   */
  blocksOrMutesSql(alias: string): string {
    return this.visibility.blocksOrMutesSql(alias);
  }

  /** Which of these people are in a block with `userId` (mentions, which a block stops). */
  blockedEitherWay(userId: string, ids: string[]): Promise<Set<string>> {
    return this.visibility.blockedEitherWay(userId, [...new Set(ids)]);
  }

  /** Whether `recipientId` must not hear of `actorId`: a block either way, or a mute. */
  async silenced(recipientId: string, actorId: string): Promise<boolean> {
    if (recipientId === actorId) return false;
    const relation = await this.visibility.between(recipientId, actorId);
    return relation.blocking || relation.blockedBy || relation.muting;
  }
}

const isModerator = (viewer: Viewer | undefined) => hasRole(viewer?.role, 'moderator');

/** Unless the session said the viewer has none, their blocks and mutes are checked. */
const mayHaveBlocksOrMutes = (viewer: Viewer | undefined) => viewer?.hasBlocksOrMutes !== false;

function accessOf(viewer: Viewer | undefined, person: Person, relation: Relation): Access {
  if (viewer?.id === person.id) return 'content';
  if (person.suspendedAt && !isModerator(viewer)) return 'none';
  if (relation.blockedBy) return 'none';
  if (relation.blocking) return 'profile';
  if (person.private && !relation.following) return 'profile';
  return 'content';
}
