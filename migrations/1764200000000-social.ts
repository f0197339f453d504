import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  type TableForeignKeyOptions,
} from 'typeorm';
import { datetime, id } from './columns';

const cascade = (name: string, column: string, table: string): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
  onUpdate: 'RESTRICT',
});

const counter = (name: string) => new TableColumn({ name, type: 'integer', default: 0 });

export class Social1764200000000 implements MigrationInterface {
  name = 'Social1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('users', [
      counter('posts_count'),
      counter('followers_count'),
      counter('following_count'),
    ]);
    await queryRunner.addColumns('posts', [counter('like_count'), counter('comment_count')]);
    // Counts for rows that already exist.
    await queryRunner.query(
      'UPDATE users SET posts_count = (SELECT COUNT(*) FROM posts WHERE posts.author_id = users.id)',
    );

    await queryRunner.createTable(
      new Table({
        name: 'follows',
        columns: [id(), id('follower_id'), id('followee_id'), datetime('created_at')],
        indices: [
          {
            name: 'UQ_follows_follower_id_followee_id',
            columnNames: ['follower_id', 'followee_id'],
            isUnique: true,
          },
          {
            name: 'IDX_follows_follower_id_created_at_id',
            columnNames: ['follower_id', 'created_at', 'id'],
          },
          {
            name: 'IDX_follows_followee_id_created_at_id',
            columnNames: ['followee_id', 'created_at', 'id'],
          },
        ],
        foreignKeys: [
          cascade('FK_follows_follower_id', 'follower_id', 'users'),
          cascade('FK_follows_followee_id', 'followee_id', 'users'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'likes',
        columns: [id(), id('post_id'), id('user_id'), datetime('created_at')],
        indices: [
          { name: 'UQ_likes_post_id_user_id', columnNames: ['post_id', 'user_id'], isUnique: true },
          { name: 'IDX_likes_user_id', columnNames: ['user_id'] },
        ],
        foreignKeys: [
          cascade('FK_likes_post_id', 'post_id', 'posts'),
          cascade('FK_likes_user_id', 'user_id', 'users'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'comments',
        columns: [
          id(),
          id('post_id'),
          id('author_id'),
          { name: 'body', type: 'varchar', length: '2200' },
          datetime('created_at'),
        ],
        indices: [
          {
            name: 'IDX_comments_post_id_created_at_id',
            columnNames: ['post_id', 'created_at', 'id'],
          },
          { name: 'IDX_comments_author_id', columnNames: ['author_id'] },
        ],
        foreignKeys: [
          cascade('FK_comments_post_id', 'post_id', 'posts'),
          cascade('FK_comments_author_id', 'author_id', 'users'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('comments');
    await queryRunner.dropTable('likes');
    await queryRunner.dropTable('follows');
    await queryRunner.dropColumns('posts', ['like_count', 'comment_count']);
    await queryRunner.dropColumns('users', ['posts_count', 'followers_count', 'following_count']);
  }
}
