import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { mode } from './harness/app';

/**
 * Upgrading keeps the data: the schema of an earlier release, with rows in it, migrated to the
 * latest one (SQLite rebuilds tables to add columns; MariaDB alters them).
 */
describe(`Migrations keep existing data (${mode})`, () => {
  let options: DataSourceOptions;
  let cleanup: () => Promise<void>;

  // A database of its own for each test: each starts from an earlier release.
  beforeEach(async () => {
    if (mode === 'embedded') {
      const dir = mkdtempSync(join(tmpdir(), 'freeb-migrate-'));
      options = { type: 'better-sqlite3', database: join(dir, 'db.sqlite') };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const credentials = process.env.FREEB_TEST_MYSQL ?? 'freeb_test:freeb_test@127.0.0.1:3306';
      const database = `freeb_t_${randomBytes(5).toString('hex')}`;
      const admin = await createConnection(`mysql://${credentials}`);
      await admin.query(
        `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
      await admin.end();
      options = { type: 'mariadb', url: `mysql://${credentials}/${database}`, timezone: 'Z' };
      cleanup = async () => {
        const connection = await createConnection(`mysql://${credentials}`);
        await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await connection.end();
      };
    }
  });

  afterEach(async () => {
    await cleanup();
  });

  async function migrate(count: number): Promise<DataSource> {
    const dataSource = new DataSource({
      ...options,
      migrations: MIGRATIONS.slice(0, count),
    } as DataSourceOptions);
    await dataSource.initialize();
    await dataSource.runMigrations();
    return dataSource;
  }

  it('carries users, images and posts from the images release through the social one', async () => {
    const earlier = await migrate(2);
    const now = '2026-11-20 10:00:00.000';
    await earlier.query(
      'INSERT INTO users (id, username, email, password_hash, session_generation, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
      ['u1', 'ada', 'ada@example.com', '$argon2id$x', now, now],
    );
    await earlier.query(
      "INSERT INTO images (id, owner_id, storage_key, content_type, size_bytes, width, height, status, created_at) VALUES (?, ?, ?, 'image/png', 10, 3, 2, 'attached', ?)",
      ['i1', 'u1', 'users/u1/i1.png', now],
    );
    await earlier.query('UPDATE users SET avatar_image_id = ? WHERE id = ?', ['i1', 'u1']);
    await earlier.query(
      "INSERT INTO images (id, owner_id, storage_key, content_type, size_bytes, width, height, status, created_at) VALUES (?, ?, ?, 'image/png', 10, 3, 2, 'attached', ?)",
      ['i2', 'u1', 'users/u1/i2.png', now],
    );
    await earlier.query(
      'INSERT INTO posts (id, author_id, image_id, caption, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ['p1', 'u1', 'i2', 'kept', now, now],
    );
    await earlier.destroy();

    const latest = await migrate(MIGRATIONS.length);
    try {
      expect(await latest.showMigrations()).toBe(false);
      const [user] = await latest.query(
        'SELECT username, avatar_image_id, posts_count, followers_count FROM users',
      );
      expect(user).toEqual({
        username: 'ada',
        avatar_image_id: 'i1',
        posts_count: 1,
        followers_count: 0,
      });
      const [post] = await latest.query('SELECT caption, like_count, comment_count FROM posts');
      expect(post).toEqual({ caption: 'kept', like_count: 0, comment_count: 0 });
      expect(await latest.query('SELECT id FROM images ORDER BY id')).toEqual([
        { id: 'i1' },
        { id: 'i2' },
      ]);
      // Posts of many photos: the one photo first, the post still published, every image
      // waiting for the processing job that starts with the app.
      expect(await latest.query('SELECT status, pending_photos FROM posts')).toEqual([
        { status: 'published', pending_photos: 0 },
      ]);
      expect(
        await latest.query('SELECT post_id, position, image_id, alt_text FROM post_media'),
      ).toEqual([{ post_id: 'p1', position: 0, image_id: 'i2', alt_text: null }]);
      expect(await latest.query('SELECT id, purpose, processing FROM images ORDER BY id')).toEqual([
        { id: 'i1', purpose: 'avatar', processing: 'processing' },
        { id: 'i2', purpose: 'post', processing: 'processing' },
      ]);
    } finally {
      await latest.destroy();
    }
  });

  it('moves pending storage deletions of the outbox onto the job queue, and back down', async () => {
    const outbox = MIGRATIONS.findIndex((migration) =>
      migration.name.startsWith('StorageDeletionsToJobs'),
    );
    const earlier = await migrate(outbox);
    await earlier.query(
      'INSERT INTO storage_deletions (id, storage_key, attempts, next_attempt_at, last_error, created_at) VALUES (?, ?, 3, ?, ?, ?)',
      [
        'd1',
        'users/u1/gone.png',
        '2026-11-20 10:05:00.000',
        'storage down',
        '2026-11-20 10:00:00.000',
      ],
    );
    await earlier.destroy();

    // Up to the outbox's move only: later migrations are undone first when going back down.
    const latest = await migrate(outbox + 1);
    try {
      const jobs: Array<Record<string, unknown>> = await latest.query(
        'SELECT id, type, payload, attempts, max_attempts, last_error, dead_at, locked_until FROM jobs',
      );
      expect(jobs.map((job) => ({ ...job, payload: JSON.parse(String(job.payload)) }))).toEqual([
        {
          id: 'd1',
          type: 'storage.delete',
          payload: { key: 'users/u1/gone.png' },
          attempts: 0,
          max_attempts: 50,
          last_error: 'storage down',
          dead_at: null,
          locked_until: null,
        },
      ]);
      expect(await latest.query('SELECT run_at FROM jobs')).toEqual([
        {
          run_at:
            mode === 'embedded' ? '2026-11-20 10:05:00.000' : new Date('2026-11-20T10:05:00Z'),
        },
      ]);
      expect(await latest.createQueryRunner().hasTable('storage_deletions')).toBe(false);

      await latest.undoLastMigration();
      expect(await latest.query('SELECT id, storage_key FROM storage_deletions')).toEqual([
        { id: 'd1', storage_key: 'users/u1/gone.png' },
      ]);
      expect(await latest.query('SELECT id FROM jobs')).toEqual([]);
    } finally {
      await latest.destroy();
    }
  });
});
