import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const USERS: Array<[string, string]> = [
  ['username', 'IDX_users_username_followers_count'],
  ['first_name_key', 'IDX_users_first_name_key_followers_count'],
  ['last_name_key', 'IDX_users_last_name_key_followers_count'],
];

/**
 * Prefix search ranks by followers (people) and post count (tags): indexes holding the key and
 * the ranking let a broad prefix ("m", a tenth of everyone) be ranked from the index alone,
 * then only the best rows are read. They replace the key-only indexes.
 */
export class SearchCoveringIndexes1764811000000 implements MigrationInterface {
  name = 'SearchCoveringIndexes1764811000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('users', 'IDX_users_first_name_key');
    await queryRunner.dropIndex('users', 'IDX_users_last_name_key');
    await queryRunner.createIndices(
      'users',
      USERS.map(
        ([column, name]) =>
          new TableIndex({ name, columnNames: [column, 'followers_count', 'id'] }),
      ),
    );
    await queryRunner.dropIndex('tags', 'IDX_tags_name_key');
    await queryRunner.createIndex(
      'tags',
      new TableIndex({
        name: 'IDX_tags_name_key_post_count',
        columnNames: ['name_key', 'post_count', 'name', 'id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('tags', 'IDX_tags_name_key_post_count');
    await queryRunner.createIndex(
      'tags',
      new TableIndex({ name: 'IDX_tags_name_key', columnNames: ['name_key'] }),
    );
    for (const [, name] of USERS) await queryRunner.dropIndex('users', name);
    await queryRunner.createIndices('users', [
      new TableIndex({ name: 'IDX_users_first_name_key', columnNames: ['first_name_key'] }),
      new TableIndex({ name: 'IDX_users_last_name_key', columnNames: ['last_name_key'] }),
    ]);
  }
}
