import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids';
import { mentionsIn } from '../common/text/caption-parser';
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
  ) {}

  /**
   * In the caller's transaction: records whom the text mentions now (never its author, never a
   * name nobody has) and answers who was added and who dropped since it was last recorded, so
   * each person is told once per post or comment.
   */
  async record(source: MentioningText, at = new Date()): Promise<MentionChanges> {
    const named = await this.users.idsByUsernames(mentionsIn(source.text));
    const wanted = new Set([...named.values()].filter((id) => id !== source.authorId));
    const current = new Set(await this.mentions.userIdsIn(source.postId, source.commentId));
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
