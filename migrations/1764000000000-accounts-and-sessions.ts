import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { datetime, id } from './columns';

export class AccountsAndSessions1764000000000 implements MigrationInterface {
  name = 'AccountsAndSessions1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          { name: 'username', type: 'varchar', length: '30' },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'first_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'last_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'bio', type: 'varchar', length: '500', isNullable: true },
          { name: 'session_generation', type: 'integer', default: 0 },
          datetime('created_at'),
          datetime('updated_at'),
        ],
        indices: [
          { name: 'UQ_users_username', columnNames: ['username'], isUnique: true },
          { name: 'UQ_users_email', columnNames: ['email'], isUnique: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isNullable: true },
          datetime('expires_at'),
          { name: 'data', type: 'text' },
        ],
        indices: [
          { name: 'IDX_sessions_user_id', columnNames: ['user_id'] },
          { name: 'IDX_sessions_expires_at', columnNames: ['expires_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'rate_limits',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'hits', type: 'integer' },
          datetime('expires_at'),
          { ...datetime('blocked_until'), isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rate_limits');
    await queryRunner.dropTable('sessions');
    await queryRunner.dropTable('users');
  }
}
