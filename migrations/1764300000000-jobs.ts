import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { datetime, id } from './columns';

export class Jobs1764300000000 implements MigrationInterface {
  name = 'Jobs1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'jobs',
        columns: [
          id(),
          { name: 'type', type: 'varchar', length: '64' },
          { name: 'payload', type: 'text' },
          { name: 'dedupe_key', type: 'varchar', length: '191', isNullable: true },
          datetime('run_at'),
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'max_attempts', type: 'integer' },
          { ...datetime('locked_until'), isNullable: true },
          { name: 'locked_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '1000', isNullable: true },
          { ...datetime('dead_at'), isNullable: true },
          datetime('created_at'),
        ],
        indices: [
          { name: 'IDX_jobs_dead_at_run_at', columnNames: ['dead_at', 'run_at'] },
          { name: 'UQ_jobs_dedupe_key', columnNames: ['dedupe_key'], isUnique: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('jobs');
  }
}
