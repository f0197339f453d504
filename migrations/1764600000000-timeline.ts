import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { datetime } from './columns';

const key = (name: string) => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: true,
});

/**
 * The home timeline (fan-out on write), filled for the posts and follows that exist already:
 * every follower gets the posts of the people they follow, and every author their own.
 */
export class Timeline1764600000000 implements MigrationInterface {
  name = 'Timeline1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'timeline',
        columns: [
          key('user_id'),
          key('post_id'),
          { name: 'author_id', type: 'varchar', length: '36' },
          datetime('created_at'),
        ],
        indices: [
          {
            name: 'IDX_timeline_user_id_created_at_post_id',
            columnNames: ['user_id', 'created_at', 'post_id'],
          },
          { name: 'IDX_timeline_user_id_author_id', columnNames: ['user_id', 'author_id'] },
          { name: 'IDX_timeline_post_id', columnNames: ['post_id'] },
        ],
        foreignKeys: [
          {
            name: 'FK_timeline_user_id',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_timeline_post_id',
            columnNames: ['post_id'],
            referencedTableName: 'posts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    // Large accounts are merged in at read time; this index finds them.
    await queryRunner.createIndex(
      'users',
      new TableIndex({ name: 'IDX_users_followers_count', columnNames: ['followers_count'] }),
    );
    await queryRunner.query(
      'INSERT INTO timeline (user_id, post_id, author_id, created_at) ' +
        'SELECT author_id, id, author_id, created_at FROM posts',
    );
    await queryRunner.query(
      'INSERT INTO timeline (user_id, post_id, author_id, created_at) ' +
        'SELECT f.follower_id, p.id, p.author_id, p.created_at FROM follows f JOIN posts p ON p.author_id = f.followee_id',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('users', 'IDX_users_followers_count');
    await queryRunner.dropTable('timeline');
  }
}
