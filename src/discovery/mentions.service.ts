import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids';
import { mentionsIn } from '../common/text/caption-parser';
import { VisibilityPolicy } from '../relations/visibility.policy';
import { ProfilesService } from '../users/profiles.service';
import { MentionsRepository } from './mentions.repository';

export interface MentioningText {
  postId: string;
  /** Null for the post's caption. */
  commentId: string | null;
  authorId: string;
  text: string | null;
}

export interface MentionChanges {
  added: string[];
  removed: string[];
}

/** `@username` in captions and comments, resolved to the users who exist. */
@Injectable()
export class MentionsService {
  constructor(
    private readonly mentions: MentionsRepository,
    private readonly users: ProfilesService,
    private readonly visibility: VisibilityPolicy,
  ) {}

  /**
   * In the caller's transaction: records whom the text mentions now (never its author, never a
   * name nobody has, never someone in a block with the author) and answers who was added and who dropped since it was last recorded, so
   * each person is told once per post or comment. `fresh`: nothing was recorded for this text
   * yet (a new post or comment), so there is nothing to read back.
   */
  async record(source: MentioningText, fresh = false, at = new Date()): Promise<MentionChanges> {
    const names = mentionsIn(source.text);
    if (fresh && names.length === 0) return { added: [], removed: [] };
    const named = await this.users.idsByUsernames(names);
    // A blocked pair cannot mention each other: the name stays text, nobody is told.
    const blocked = await this.visibility.blockedEitherWay(source.authorId, [...named.values()]);
    const wanted = new Set(
      [...named.values()].filter((id) => id !== source.authorId && !blocked.has(id)),
    );
    const current = new Set(
      fresh ? [] : await this.mentions.userIdsIn(source.postId, source.commentId),
    );
    const added = [...wanted].filter((id) => !current.has(id));
    const removed = [...current].filter((id) => !wanted.has(id));
    await this.mentions.delete(source.postId, source.commentId, removed);
    await this.mentions.insert(
      added.map((userId) => ({
        id: newId(),
        postId: source.postId,
        commentId: source.commentId,
        userId,
        createdAt: at,
      })),
    );
    return { added, removed };
  }
}
