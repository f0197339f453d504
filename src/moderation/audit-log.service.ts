import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids';
import { type Page, type PageQueryDto, pageRequest, toPage } from '../common/pagination/page';
import type { Viewer } from '../common/http/viewer.decorator';
import { ModerationActionDto } from './dto/moderation-action.dto';
import {
  type ActionSubjectType,
  ModerationAction,
  type ModerationActionKind,
} from './entities/moderation-action.entity';
import { ModerationActionsRepository } from './moderation-actions.repository';

/** Who acts: a signed-in moderator or admin. */
export type Moderator = Viewer;

export interface ActionRecord {
  action: ModerationActionKind;
  subjectType: ActionSubjectType;
  subjectId: string;
  reportId?: string | null;
  note?: string | null;
}

/** Every moderator action, written in the transaction of the action itself. */
@Injectable()
export class AuditLogService {
  constructor(private readonly actions: ModerationActionsRepository) {}

  record(moderator: Moderator, record: ActionRecord): Promise<void> {
    return this.actions.append(
      Object.assign(new ModerationAction(), {
        id: newId(),
        moderatorId: moderator.id,
        moderatorUsername: moderator.username,
        action: record.action,
        subjectType: record.subjectType,
        subjectId: record.subjectId,
        reportId: record.reportId ?? null,
        note: record.note ?? null,
        createdAt: new Date(),
      }),
    );
  }

  async page(query: PageQueryDto): Promise<Page<ModerationActionDto>> {
    const request = pageRequest(query);
    return toPage(await this.actions.findPage(request), request.limit, (rows) =>
      rows.map((row) => ({
        id: row.id,
        moderator: { id: row.moderatorId, username: row.moderatorUsername },
        action: row.action,
        subject: { type: row.subjectType, id: row.subjectId },
        reportId: row.reportId,
        note: row.note,
        createdAt: row.createdAt.toISOString(),
      })),
    );
  }
}
