import { Injectable } from '@nestjs/common';
import { conflict, forbidden, notFound } from '../common/errors/app-error';
import { type Page, pageRequest, toPage } from '../common/pagination/page';
import { hasRole } from '../common/roles';
import { TransactionHost } from '../database/transaction-host';
import { StandingService } from '../users/standing.service';
import { UsersService } from '../users/users.service';
import { AuditLogService, type Moderator } from './audit-log.service';
import {
  ModerationReportDto,
  type ReportQueueQueryDto,
  type ResolveReportDto,
} from './dto/report.dto';
import type { Report } from './entities/report.entity';
import { ReportSubjects } from './report-subjects';
import { ReportsRepository, type Resolved } from './reports.repository';

/** The moderation queue and what moderators do about it; every action goes to the audit log. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly subjects: ReportSubjects,
    private readonly audit: AuditLogService,
    private readonly users: UsersService,
    private readonly standing: StandingService,
    private readonly db: TransactionHost,
  ) {}

  /** Open reports oldest first; resolved ones newest first. */
  async queue(
    moderator: Moderator,
    query: ReportQueueQueryDto,
  ): Promise<Page<ModerationReportDto>> {
    const request = pageRequest(query);
    const page = toPage(
      await this.reports.findQueuePage(query.status ?? 'open', request),
      request.limit,
      (rows) => rows,
    );
    return { items: await this.present(moderator, page.items), nextCursor: page.nextCursor };
  }

  /**
   * `dismiss` closes this report; `remove` deletes the post or comment and closes every open
   * report of it; `suspend` suspends the answerable user and closes every open report of the
   * subject. The change, the reports and the audit line commit together.
   */
  async resolve(
    moderator: Moderator,
    reportId: string,
    dto: ResolveReportDto,
  ): Promise<ModerationReportDto> {
    const report = await this.reports.findById(reportId);
    if (!report) throw notFound('Report');
    if (report.status !== 'open') throw conflict('This report is already resolved.');
    if (dto.action === 'suspend') await this.checkMaySuspend(moderator, report.subjectUserId);
    const resolved: Resolved = {
      action: dto.action,
      resolvedById: moderator.id,
      note: dto.note ?? null,
      resolvedAt: new Date(),
    };
    await this.db.run(async () => {
      if (!(await this.reports.resolve(report.id, resolved)))
        throw conflict('This report is already resolved.');
      if (dto.action === 'remove') await this.subjects.remove(report.subjectType, report.subjectId);
      if (dto.action === 'suspend') await this.standing.suspend(report.subjectUserId);
      if (dto.action !== 'dismiss') await this.reports.resolveAllOf(report.subjectId, resolved);
      await this.audit.record(moderator, {
        action: dto.action,
        subjectType: dto.action === 'suspend' ? 'user' : report.subjectType,
        subjectId: dto.action === 'suspend' ? report.subjectUserId : report.subjectId,
        reportId: report.id,
        note: resolved.note,
      });
    });
    const [presented] = await this.present(moderator, [
      { ...report, ...resolved, status: 'resolved', openKey: null },
    ]);
    return presented;
  }

  async unsuspend(moderator: Moderator, username: string, note?: string): Promise<void> {
    const user = await this.users.findByUsernameOrFail(username);
    await this.db.run(async () => {
      if (!(await this.standing.unsuspend(user.id))) return;
      await this.audit.record(moderator, {
        action: 'unsuspend',
        subjectType: 'user',
        subjectId: user.id,
        note: note ?? null,
      });
    });
  }

  private async checkMaySuspend(moderator: Moderator, userId: string): Promise<void> {
    if (userId === moderator.id) throw forbidden('You cannot suspend yourself.');
    const user = await this.users.findById(userId);
    if (user && hasRole(user.role, 'moderator') && !hasRole(moderator.role, 'admin'))
      throw forbidden('Only admins can suspend moderators.');
  }

  private async present(moderator: Moderator, reports: Report[]): Promise<ModerationReportDto[]> {
    const counts = await this.reports.openCounts(reports.map((report) => report.subjectId));
    return Promise.all(
      reports.map(async (report) => ({
        id: report.id,
        status: report.status,
        subject: {
          type: report.subjectType,
          id: report.subjectId,
          preview: await this.subjects.preview(moderator, report.subjectType, report.subjectId),
        },
        reason: report.reason,
        details: report.details,
        reportCount: counts.get(report.subjectId) ?? 0,
        createdAt: report.createdAt.toISOString(),
        action: report.action,
        note: report.note,
        resolvedAt: report.resolvedAt?.toISOString() ?? null,
      })),
    );
  }
}
