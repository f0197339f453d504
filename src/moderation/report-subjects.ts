import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, invalid, notFound } from '../common/errors/app-error';
import { CommentsService } from '../posts/comments.service';
import { PostReadsService } from '../posts/post-reads.service';
import { PostsService } from '../posts/posts.service';
import type { Viewer } from '../common/http/viewer.decorator';
import { ProfilesService } from '../users/profiles.service';
import { UsersService } from '../users/users.service';
import type { ReportSubjectDto, SubjectPreviewDto } from './dto/report.dto';
import type { SubjectType } from './entities/report.entity';
import type { Moderator } from './audit-log.service';
import { previewThumbnail } from './preview-thumbnail';

/**
 * What moderation needs of the things it is told about — posts, comments, users — through
 * their modules' services: who answers for one, how it looks, and removing it.
 */
@Injectable()
export class ReportSubjects {
  constructor(
    private readonly posts: PostsService,
    private readonly reads: PostReadsService,
    private readonly comments: CommentsService,
    private readonly users: UsersService,
    private readonly profiles: ProfilesService,
  ) {}

  /** The id of the user who answers for the subject, as the reporter can see it; else 404. */
  async answerableUser(reporter: Viewer, subject: ReportSubjectDto): Promise<string> {
    const userId = await this.ownerOf(subject.type, subject.id, reporter);
    if (userId === reporter.id) {
      throw invalid([
        { field: 'subject', message: 'You cannot report yourself or your own posts.' },
      ]);
    }
    return userId;
  }

  /** Previews as the moderator sees them; null for a subject that is gone. */
  async preview(
    moderator: Moderator,
    type: SubjectType,
    id: string,
  ): Promise<SubjectPreviewDto | null> {
    try {
      if (type === 'post') {
        const post = await this.reads.get(id, moderator);
        return { user: post.author, text: post.caption, imageUrl: previewThumbnail(post.image) };
      }
      const userId = await this.ownerOf(type, id, moderator);
      const user = (await this.profiles.summaries([userId])).get(userId);
      if (!user) return null;
      const text = type === 'comment' ? (await this.comments.findOrFail(id)).body : null;
      return { user, text, imageUrl: null };
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.NotFound) return null;
      throw error;
    }
  }

  /** Deletes a post or a comment (no-op when it is already gone); users are suspended, not removed. */
  async remove(type: SubjectType, id: string): Promise<void> {
    if (type === 'post') return this.posts.removeForModeration(id);
    if (type === 'comment') return this.comments.removeForModeration(id);
    throw invalid([
      { field: 'action', message: 'A user cannot be removed; suspend them instead.' },
    ]);
  }

  private async ownerOf(type: SubjectType, id: string, viewer: Viewer): Promise<string> {
    if (type === 'post') return (await this.reads.get(id, viewer)).author.id;
    if (type === 'comment') return (await this.comments.findOrFail(id)).authorId;
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return user.id;
  }
}
