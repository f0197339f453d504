import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { id } from './columns';

/**
 * Posts of 1–20 photos processed in the background: the photos of a post and their order and
 * alt texts (`post_media`), a post's status, and each image's processing state, variants,
 * placeholder and colour. Existing posts stay published, with their one photo first; existing
 * images (photos and avatars) are marked for processing, which a job started with the app
 * carries out.
 */
export class Media1764400000000 implements MigrationInterface {
  name = 'Media1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('images', [
      new TableColumn({ name: 'purpose', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'processing', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'variants', type: 'text', isNullable: true }),
      new TableColumn({ name: 'placeholder', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'color', type: 'varchar', length: '7', isNullable: true }),
      new TableColumn({ name: 'failure', type: 'varchar', length: '255', isNullable: true }),
    ]);
    await queryRunner.addColumns('posts', [
      new TableColumn({ name: 'status', type: 'varchar', length: '16', default: "'published'" }),
      new TableColumn({ name: 'pending_photos', type: 'integer', default: 0 }),
      new TableColumn({ name: 'failure', type: 'varchar', length: '255', isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'post_media',
        columns: [
          { ...id('post_id'), isPrimary: true },
          { name: 'position', type: 'integer', isPrimary: true },
          id('image_id'),
          { name: 'alt_text', type: 'varchar', length: '1000', isNullable: true },
        ],
        indices: [{ name: 'UQ_post_media_image_id', columnNames: ['image_id'], isUnique: true }],
        foreignKeys: [
          {
            name: 'FK_post_media_post_id',
            columnNames: ['post_id'],
            referencedTableName: 'posts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_post_media_image_id',
            columnNames: ['image_id'],
            referencedTableName: 'images',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    await queryRunner.query(
      'INSERT INTO post_media (post_id, position, image_id, alt_text) SELECT id, 0, image_id, alt_text FROM posts',
    );
    await queryRunner.query(
      "UPDATE images SET purpose = 'post', processing = 'processing' WHERE id IN (SELECT image_id FROM posts)",
    );
    await queryRunner.query(
      "UPDATE images SET purpose = 'avatar', processing = 'processing' WHERE id IN (SELECT avatar_image_id FROM users WHERE avatar_image_id IS NOT NULL)",
    );
    await queryRunner.dropForeignKey('posts', 'FK_posts_image_id');
    await queryRunner.dropIndex('posts', 'UQ_posts_image_id');
    await queryRunner.dropColumns('posts', ['image_id', 'alt_text']);
  }

  /** Back to one photo per post: each post keeps its first photo (the others stay as rows). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('posts', [
      new TableColumn({ name: 'image_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'alt_text', type: 'varchar', length: '1000', isNullable: true }),
    ]);
    await queryRunner.query(
      'UPDATE posts SET image_id = (SELECT image_id FROM post_media WHERE post_media.post_id = posts.id AND position = 0), ' +
        'alt_text = (SELECT alt_text FROM post_media WHERE post_media.post_id = posts.id AND position = 0)',
    );
    await queryRunner.dropTable('post_media');
    await queryRunner.dropColumns('posts', ['status', 'pending_photos', 'failure']);
    await queryRunner.createIndex(
      'posts',
      new TableIndex({ name: 'UQ_posts_image_id', columnNames: ['image_id'], isUnique: true }),
    );
    await queryRunner.createForeignKey(
      'posts',
      new TableForeignKey({
        name: 'FK_posts_image_id',
        columnNames: ['image_id'],
        referencedTableName: 'images',
        referencedColumnNames: ['id'],
        onDelete: 'RESTRICT',
        onUpdate: 'RESTRICT',
      }),
    );
    await queryRunner.dropColumns('images', [
      'purpose',
      'processing',
      'variants',
      'placeholder',
      'color',
      'failure',
    ]);
  }
}
