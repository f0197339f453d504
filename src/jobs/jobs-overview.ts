import { Injectable } from '@nestjs/common';
import { DeadJobDto, JobsOverviewDto } from './dto/jobs-overview.dto';
import { JobsRepository } from './jobs.repository';

const RECENT_DEAD = 50;

/** The queue as an operator sees it (`GET /api/admin/jobs`). */
@Injectable()
export class JobsOverview {
  constructor(private readonly jobsRepository: JobsRepository) {}

  async now(at = new Date()): Promise<JobsOverviewDto> {
    const [types, dead] = await Promise.all([
      this.jobsRepository.countsByType(at),
      this.jobsRepository.latestDead(RECENT_DEAD),
    ]);
    const sum = (state: 'due' | 'scheduled' | 'running' | 'dead') =>
      types.reduce((total, type) => total + type[state], 0);
    const oldest = types
      .map((type) => type.oldestDueAt)
      .filter((at): at is Date => at !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    return {
      due: sum('due'),
      scheduled: sum('scheduled'),
      running: sum('running'),
      dead: sum('dead'),
      oldestDueAt: oldest?.toISOString() ?? null,
      types: types.map(({ oldestDueAt: _oldest, ...counts }) => counts),
      recentDead: dead.map((job): DeadJobDto => ({
        id: job.id,
        type: job.type,
        payload: parsePayload(job.payload),
        attempts: job.attempts,
        lastError: job.lastError,
        createdAt: job.createdAt.toISOString(),
        deadAt: (job.deadAt ?? job.createdAt).toISOString(),
      })),
    };
  }
}

function parsePayload(payload: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(payload);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
