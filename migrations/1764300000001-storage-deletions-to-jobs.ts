import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { datetime, id } from './columns';

/** As many attempts as the app gives a `storage.delete` job (ImagesService). */
const STORAGE_DELETE_ATTEMPTS = 50;

/**
 * The deletion outbox becomes a job type: each pending `storage_deletions` row moves to `jobs`
 * as a `storage.delete` job (same id, due when the row was, its last error kept, a fresh
 * allowance of attempts), then the table goes.
 */
export class StorageDeletionsToJobs1764300000001 implements MigrationInterface {
  name = 'StorageDeletionsToJobs1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO jobs (id, type, payload, dedupe_key, run_at, attempts, max_attempts, locked_until, locked_by, last_error, dead_at, created_at)
       SELECT id, 'storage.delete', JSON_OBJECT('key', storage_key), NULL, next_attempt_at, 0, ?, NULL, NULL, last_error, NULL, created_at
       FROM storage_deletions`,
      [STORAGE_DELETE_ATTEMPTS],
    );
    await queryRunner.dropTable('storage_deletions');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'storage_deletions',
        columns: [
          id(),
          { name: 'storage_key', type: 'varchar', length: '255' },
          { name: 'attempts', type: 'integer', default: 0 },
          datetime('next_attempt_at'),
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          datetime('created_at'),
        ],
        indices: [
          { name: 'IDX_storage_deletions_next_attempt_at', columnNames: ['next_attempt_at'] },
        ],
      }),
    );
    const key =
      queryRunner.connection.options.type === 'better-sqlite3'
        ? "json_extract(payload, '$.key')"
        : "JSON_VALUE(payload, '$.key')";
    await queryRunner.query(
      `INSERT INTO storage_deletions (id, storage_key, attempts, next_attempt_at, last_error, created_at)
       SELECT id, ${key}, attempts, run_at, SUBSTR(last_error, 1, 500), created_at
       FROM jobs WHERE type = 'storage.delete'`,
    );
    await queryRunner.query(`DELETE FROM jobs WHERE type = 'storage.delete'`);
  }
}
