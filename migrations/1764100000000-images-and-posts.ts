import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey } from 'typeorm';
import { datetime, id } from './columns';

export class ImagesAndPosts1764100000000 implements MigrationInterface {
  name = 'ImagesAndPosts1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'images',
        columns: [
          id(),
          id('owner_id'),
          { name: 'storage_key', type: 'varchar', length: '255' },
          { name: 'content_type', type: 'varchar', length: '32' },
          { name: 'size_bytes', type: 'integer' },
          { name: 'width', type: 'integer', isNullable: true },
          { name: 'height', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { ...datetime('expires_at'), isNullable: true },
          datetime('created_at'),
        ],
        indices: [
          { name: 'IDX_images_owner_id', columnNames: ['owner_id'] },
          { name: 'UQ_images_storage_key', columnNames: ['storage_key'], isUnique: true },
          { name: 'IDX_images_status_expires_at', columnNames: ['status', 'expires_at'] },
        ],
        foreignKeys: [
          {
            name: 'FK_images_owner_id',
            columnNames: ['owner_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
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
    await queryRunner.createTable(
      new Table({
        name: 'posts',
        columns: [
          id(),
          id('author_id'),
          id('image_id'),
          { name: 'caption', type: 'varchar', length: '2200', isNullable: true },
          { name: 'alt_text', type: 'varchar', length: '1000', isNullable: true },
          datetime('created_at'),
          datetime('updated_at'),
        ],
        indices: [
          { name: 'IDX_posts_created_at_id', columnNames: ['created_at', 'id'] },
          {
            name: 'IDX_posts_author_id_created_at_id',
            columnNames: ['author_id', 'created_at', 'id'],
          },
          { name: 'UQ_posts_image_id', columnNames: ['image_id'], isUnique: true },
        ],
        foreignKeys: [
          {
            name: 'FK_posts_author_id',
            columnNames: ['author_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_posts_image_id',
            columnNames: ['image_id'],
            referencedTableName: 'images',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'avatar_image_id', type: 'varchar', length: '36', isNullable: true }),
    );
    await queryRunner.createForeignKey(
      'users',
      new TableForeignKey({
        name: 'FK_users_avatar_image_id',
        columnNames: ['avatar_image_id'],
        referencedTableName: 'images',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
        onUpdate: 'RESTRICT',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('users', 'FK_users_avatar_image_id');
    await queryRunner.dropColumn('users', 'avatar_image_id');
    await queryRunner.dropTable('posts');
    await queryRunner.dropTable('storage_deletions');
    await queryRunner.dropTable('images');
  }
}
