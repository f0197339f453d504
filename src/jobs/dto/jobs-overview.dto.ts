import { ApiProperty } from '@nestjs/swagger';

/** How many jobs of one type are in each state. */
export class JobTypeCountsDto {
  @ApiProperty({ example: 'image.process' })
  type: string;
  @ApiProperty({ description: 'Due now and waiting for a worker' })
  due: number;
  @ApiProperty({ description: 'Waiting for a later time (retries, recurring jobs)' })
  scheduled: number;
  @ApiProperty({ description: 'Claimed by a worker whose lease has not run out' })
  running: number;
  @ApiProperty({ description: 'Out of attempts, kept with their last error' })
  dead: number;
}

/** A job that ran out of attempts. */
export class DeadJobDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  type: string;
  @ApiProperty({ description: 'The job’s payload as enqueued (ids, never secrets)' })
  payload: Record<string, unknown>;
  @ApiProperty()
  attempts: number;
  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  deadAt: string;
}

/** The queue at a glance, for admins: depth, the oldest due job's age, dead jobs. */
export class JobsOverviewDto {
  @ApiProperty({ description: 'Jobs due now and not claimed, all types' })
  due: number;
  @ApiProperty({ description: 'Jobs waiting for a later time, all types' })
  scheduled: number;
  @ApiProperty({ description: 'Jobs being worked on, all types' })
  running: number;
  @ApiProperty({ description: 'Dead jobs, all types' })
  dead: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the oldest due job became due; null when nothing waits',
  })
  oldestDueAt: string | null;
  @ApiProperty({ type: JobTypeCountsDto, isArray: true, description: 'Per type, by name' })
  types: JobTypeCountsDto[];
  @ApiProperty({ type: DeadJobDto, isArray: true, description: 'The latest 50 dead jobs' })
  recentDead: DeadJobDto[];
}
