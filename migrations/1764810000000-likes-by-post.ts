import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** "Liked by": a post's likes, newest first, are a keyset page over (post_id, created_at, id). */
export class LikesByPost1764810000000 implements MigrationInterface {
  name = 'LikesByPost1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'likes',
      new TableIndex({
        name: 'IDX_likes_post_id_created_at_id',
        columnNames: ['post_id', 'created_at', 'id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('likes', 'IDX_likes_post_id_created_at_id');
  }
}
