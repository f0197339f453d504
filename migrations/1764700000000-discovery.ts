import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableIndex,
  type TableForeignKeyOptions,
} from 'typeorm';
import { searchKey } from '../src/common/text/caption-parser';
import { datetime, id } from './columns';

const cascade = (table: string, column: string, target: string): TableForeignKeyOptions => ({
  name: `FK_${table}_${column}`,
  columnNames: [column],
  referencedTableName: target,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
  onUpdate: 'RESTRICT',
});

const integer = (name: string) => ({ name, type: 'integer', default: 0 });

/**
 * Hashtags, mentions, notifications, the explore snapshot, and the accent-free keys that
 * prefix search seeks on (users' names, tags).
 */
export class Discovery1764700000000 implements MigrationInterface {
  name = 'Discovery1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type !== 'better-sqlite3';

    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'first_name_key', type: 'varchar', length: '50', isNullable: true }),
      new TableColumn({ name: 'last_name_key', type: 'varchar', length: '50', isNullable: true }),
    ]);
    await queryRunner.createIndices('users', [
      new TableIndex({ name: 'IDX_users_first_name_key', columnNames: ['first_name_key'] }),
      new TableIndex({ name: 'IDX_users_last_name_key', columnNames: ['last_name_key'] }),
    ]);
    const named = (await queryRunner.query(
      'SELECT id, first_name, last_name FROM users WHERE first_name IS NOT NULL OR last_name IS NOT NULL',
    )) as { id: string; first_name: string | null; last_name: string | null }[];
    for (const user of named) {
      await queryRunner.query(
        'UPDATE users SET first_name_key = ?, last_name_key = ? WHERE id = ?',
        [
          user.first_name === null ? null : searchKey(user.first_name).slice(0, 50),
          user.last_name === null ? null : searchKey(user.last_name).slice(0, 50),
          user.id,
        ],
      );
    }

    // Explore's job reads the last week's likes and comments by time.
    await queryRunner.createIndex(
      'likes',
      new TableIndex({ name: 'IDX_likes_created_at', columnNames: ['created_at'] }),
    );
    await queryRunner.createIndex(
      'comments',
      new TableIndex({ name: 'IDX_comments_created_at', columnNames: ['created_at'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'tags',
        columns: [
          id(),
          // Exact on MariaDB too (its default collation would make "café" the same as "cafe").
          {
            name: 'name',
            type: 'varchar',
            length: '100',
            ...(mysql ? { collation: 'utf8mb4_bin' } : {}),
          },
          { name: 'name_key', type: 'varchar', length: '100' },
          integer('post_count'),
          datetime('created_at'),
        ],
        indices: [
          { name: 'UQ_tags_name', columnNames: ['name'], isUnique: true },
          { name: 'IDX_tags_name_key', columnNames: ['name_key'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'post_tags',
        columns: [
          { ...id('post_id'), isPrimary: true },
          { ...id('tag_id'), isPrimary: true },
          id('author_id'),
          datetime('created_at'),
        ],
        indices: [
          {
            name: 'IDX_post_tags_tag_id_created_at_post_id',
            columnNames: ['tag_id', 'created_at', 'post_id'],
          },
          { name: 'IDX_post_tags_author_id', columnNames: ['author_id'] },
        ],
        // No foreign key to posts: a deleted post's rows must outlive it until the post.deleted
        // listener has taken them out of their tags' counts.
        foreignKeys: [
          cascade('post_tags', 'tag_id', 'tags'),
          cascade('post_tags', 'author_id', 'users'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mentions',
        columns: [
          id(),
          id('post_id'),
          { ...id('comment_id'), isNullable: true },
          id('user_id'),
          datetime('created_at'),
        ],
        indices: [
          { name: 'IDX_mentions_post_id', columnNames: ['post_id'] },
          { name: 'IDX_mentions_comment_id', columnNames: ['comment_id'] },
          { name: 'IDX_mentions_user_id', columnNames: ['user_id'] },
        ],
        foreignKeys: [
          cascade('mentions', 'post_id', 'posts'),
          cascade('mentions', 'comment_id', 'comments'),
          cascade('mentions', 'user_id', 'users'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          id(),
          id('recipient_id'),
          id('actor_id'),
          { name: 'type', type: 'varchar', length: '20' },
          { ...id('post_id'), isNullable: true },
          { ...id('comment_id'), isNullable: true },
          { name: 'is_read', type: 'boolean', default: 0 },
          datetime('created_at'),
        ],
        indices: [
          {
            name: 'IDX_notifications_recipient_id_created_at_id',
            columnNames: ['recipient_id', 'created_at', 'id'],
          },
          {
            name: 'IDX_notifications_recipient_id_is_read',
            columnNames: ['recipient_id', 'is_read'],
          },
          { name: 'IDX_notifications_actor_id', columnNames: ['actor_id'] },
          { name: 'IDX_notifications_post_id', columnNames: ['post_id'] },
          { name: 'IDX_notifications_comment_id', columnNames: ['comment_id'] },
        ],
        foreignKeys: [
          cascade('notifications', 'recipient_id', 'users'),
          cascade('notifications', 'actor_id', 'users'),
          cascade('notifications', 'post_id', 'posts'),
          cascade('notifications', 'comment_id', 'comments'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'explore_entries',
        columns: [
          { name: 'generation', type: 'integer', isPrimary: true },
          { name: 'position', type: 'integer', isPrimary: true },
          id('post_id'),
          datetime('created_at'),
        ],
        indices: [{ name: 'IDX_explore_entries_post_id', columnNames: ['post_id'] }],
        foreignKeys: [cascade('explore_entries', 'post_id', 'posts')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('explore_entries');
    await queryRunner.dropTable('notifications');
    await queryRunner.dropTable('mentions');
    await queryRunner.dropTable('post_tags');
    await queryRunner.dropTable('tags');
    await queryRunner.dropIndex('comments', 'IDX_comments_created_at');
    await queryRunner.dropIndex('likes', 'IDX_likes_created_at');
    await queryRunner.dropIndex('users', 'IDX_users_last_name_key');
    await queryRunner.dropIndex('users', 'IDX_users_first_name_key');
    await queryRunner.dropColumns('users', ['first_name_key', 'last_name_key']);
  }
}
