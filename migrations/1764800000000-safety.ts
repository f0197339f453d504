import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableIndex,
  type TableForeignKeyOptions,
} from 'typeorm';
import { datetime, id } from './columns';

const cascade = (name: string, column: string, table = 'users'): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
  onUpdate: 'RESTRICT',
});

/** A directed pair of users (`blocks`, `mutes`, `follow_requests`): one row per pair, paged by the first. */
function pairTable(name: string, from: string, to: string): Table {
  return new Table({
    name,
    columns: [id(), id(from), id(to), datetime('created_at')],
    indices: [
      { name: `UQ_${name}_${from}_${to}`, columnNames: [from, to], isUnique: true },
      { name: `IDX_${name}_${from}_created_at_id`, columnNames: [from, 'created_at', 'id'] },
      { name: `IDX_${name}_${to}_created_at_id`, columnNames: [to, 'created_at', 'id'] },
    ],
    foreignKeys: [cascade(`FK_${name}_${from}`, from), cascade(`FK_${name}_${to}`, to)],
  });
}

/** Roles, private accounts, suspension; blocks, mutes, follow requests; reports and the audit log. */
export class Safety1764800000000 implements MigrationInterface {
  name = 'Safety1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'role', type: 'varchar', length: '16', default: "'user'" }),
      new TableColumn({ name: 'private', type: 'boolean', default: 0 }),
      new TableColumn({ ...datetime('suspended_at'), isNullable: true }),
    ]);
    await queryRunner.createIndices('users', [
      new TableIndex({ name: 'IDX_users_private', columnNames: ['private'] }),
      new TableIndex({ name: 'IDX_users_suspended_at', columnNames: ['suspended_at'] }),
    ]);
    // The first account administers the instance.
    await queryRunner.query(
      "UPDATE users SET role = 'admin' WHERE id = (SELECT id FROM (SELECT id FROM users ORDER BY created_at, id LIMIT 1) AS first)",
    );

    await queryRunner.createTable(pairTable('blocks', 'blocker_id', 'blocked_id'));
    await queryRunner.createTable(pairTable('mutes', 'muter_id', 'muted_id'));
    await queryRunner.createTable(pairTable('follow_requests', 'requester_id', 'target_id'));

    await queryRunner.createTable(
      new Table({
        name: 'reports',
        columns: [
          id(),
          id('reporter_id'),
          { name: 'subject_type', type: 'varchar', length: '16' },
          id('subject_id'),
          id('subject_user_id'),
          { name: 'reason', type: 'varchar', length: '16' },
          { name: 'details', type: 'varchar', length: '1000', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          // reporter:type:subject while open, null once resolved: one open report per reporter and subject
          { name: 'open_key', type: 'varchar', length: '100', isNullable: true },
          { name: 'action', type: 'varchar', length: '16', isNullable: true },
          { ...id('resolved_by_id'), isNullable: true },
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          { ...datetime('resolved_at'), isNullable: true },
          datetime('created_at'),
        ],
        indices: [
          { name: 'UQ_reports_open_key', columnNames: ['open_key'], isUnique: true },
          { name: 'IDX_reports_status_created_at_id', columnNames: ['status', 'created_at', 'id'] },
          { name: 'IDX_reports_subject_id', columnNames: ['subject_id'] },
          { name: 'IDX_reports_reporter_id', columnNames: ['reporter_id'] },
        ],
        foreignKeys: [cascade('FK_reports_reporter_id', 'reporter_id')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'moderation_actions',
        columns: [
          id(),
          id('moderator_id'),
          { name: 'moderator_username', type: 'varchar', length: '30' },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'subject_type', type: 'varchar', length: '16' },
          id('subject_id'),
          { ...id('report_id'), isNullable: true },
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          datetime('created_at'),
        ],
        indices: [
          { name: 'IDX_moderation_actions_created_at_id', columnNames: ['created_at', 'id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('moderation_actions');
    await queryRunner.dropTable('reports');
    await queryRunner.dropTable('follow_requests');
    await queryRunner.dropTable('mutes');
    await queryRunner.dropTable('blocks');
    await queryRunner.dropIndex('users', 'IDX_users_suspended_at');
    await queryRunner.dropIndex('users', 'IDX_users_private');
    await queryRunner.dropColumns('users', ['role', 'private', 'suspended_at']);
  }
}
