import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { isUniqueViolation } from '../common/errors/database-errors';
import { keysetPage } from '../common/pagination/keyset';
import type { PageRequest } from '../common/pagination/page';
import { TransactionHost } from '../database/transaction-host';
import { Report, type ReportStatus, type Resolution } from './entities/report.entity';

export interface Resolved {
  action: Resolution;
  resolvedById: string;
  note: string | null;
  resolvedAt: Date;
}

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get reports() {
    return this.db.repository(Report);
  }

  /** False when the reporter already has an open report of this subject (UQ_reports_open_key). */
  async insertOpen(report: Report): Promise<boolean> {
    try {
      await this.reports.insert(report);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  findOpenByKey(openKey: string): Promise<Report | null> {
    return this.reports.findOneBy({ openKey });
  }

  findById(id: string): Promise<Report | null> {
    return this.reports.findOneBy({ id });
  }

  /** Open reports oldest first (the queue), resolved ones newest first (IDX_reports_status_created_at_id). */
  findQueuePage(status: ReportStatus, page: PageRequest): Promise<Report[]> {
    const query = this.reports
      .createQueryBuilder('report')
      .where('report.status = :status', { status });
    return keysetPage(query, 'report', page, status === 'open' ? 'ASC' : 'DESC').getMany();
  }

  /** How many open reports each of these subjects has. */
  async openCounts(subjectIds: string[]): Promise<Map<string, number>> {
    if (subjectIds.length === 0) return new Map();
    const rows = await this.reports
      .createQueryBuilder('report')
      .select('report.subjectId', 'subjectId')
      .addSelect('COUNT(*)', 'n')
      .where({ subjectId: In(subjectIds), status: 'open' })
      .groupBy('report.subjectId')
      .getRawMany<{ subjectId: string; n: number | string }>();
    return new Map(rows.map((row) => [row.subjectId, Number(row.n)]));
  }

  /** Resolves one open report; false when it was resolved meanwhile. */
  async resolve(id: string, resolved: Resolved): Promise<boolean> {
    const result = await this.reports.update(
      { id, status: 'open' },
      { ...resolved, status: 'resolved', openKey: null },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Resolves every open report of a subject with the same action. */
  async resolveAllOf(subjectId: string, resolved: Resolved): Promise<void> {
    await this.reports.update(
      { subjectId, status: 'open' },
      { ...resolved, status: 'resolved', openKey: null },
    );
  }
}
