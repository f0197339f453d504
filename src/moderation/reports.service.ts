import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids';
import type { Viewer } from '../common/http/viewer.decorator';
import { CreateReportDto, ReportDto } from './dto/report.dto';
import { Report } from './entities/report.entity';
import { ReportSubjects } from './report-subjects';
import { ReportsRepository } from './reports.repository';

/** Reports as their authors make them. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly subjects: ReportSubjects,
  ) {}

  /**
   * A new open report (`created`), or the reporter's report of this subject that is still
   * open: reporting again changes nothing.
   */
  async create(
    reporter: Viewer,
    dto: CreateReportDto,
  ): Promise<{ created: boolean; report: ReportDto }> {
    const subjectUserId = await this.subjects.answerableUser(reporter, dto.subject);
    const openKey = `${reporter.id}:${dto.subject.type}:${dto.subject.id}`;
    const report = Object.assign(new Report(), {
      id: newId(),
      reporterId: reporter.id,
      subjectType: dto.subject.type,
      subjectId: dto.subject.id,
      subjectUserId,
      reason: dto.reason,
      details: dto.details ?? null,
      status: 'open',
      openKey,
      action: null,
      resolvedById: null,
      note: null,
      resolvedAt: null,
      createdAt: new Date(),
    });
    if (await this.reports.insertOpen(report)) return { created: true, report: present(report) };
    const existing = await this.reports.findOpenByKey(openKey);
    // Resolved between the insert and this read: the report just made may be filed anew.
    if (!existing) return this.create(reporter, dto);
    return { created: false, report: present(existing) };
  }
}

function present(report: Report): ReportDto {
  return {
    id: report.id,
    status: report.status,
    subject: { type: report.subjectType, id: report.subjectId },
    reason: report.reason,
    createdAt: report.createdAt.toISOString(),
  };
}
