import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A broad search prefix ("m", a tenth of everyone) walks the ranking and stops at the tenth
 * match instead of ranking its whole range: indexes in the ranking's exact order (a descending
 * count, then an ascending tie-break, which an ascending index cannot give) that also hold
 * every searched key, so the walk never reads a row. Written in SQL for the DESC, which
 * TypeORM's TableIndex cannot say (MariaDB 10.8+, MySQL 8, SQLite).
 */
export class SearchRankingIndexes1764820000000 implements MigrationInterface {
  name = 'SearchRankingIndexes1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX IDX_users_search_ranking ON users (followers_count DESC, id, username, first_name_key, last_name_key)',
    );
    await queryRunner.query(
      'CREATE INDEX IDX_tags_search_ranking ON tags (post_count DESC, name, name_key, id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('tags', 'IDX_tags_search_ranking');
    await queryRunner.dropIndex('users', 'IDX_users_search_ranking');
  }
}
