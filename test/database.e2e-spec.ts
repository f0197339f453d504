import { UUID_PATTERN, newId } from '../src/common/ids';
import { mode, startApp, type TestApp } from './harness/app';
import { client, signUp } from './harness/client';
import { publish } from './harness/storage';

describe('Database (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it(`stores full Unicode and times to the millisecond in UTC on ${mode === 'cloud' ? 'MariaDB' : 'SQLite'}`, async () => {
    const account = await signUp(t);
    const bio = 'Cameras 📷, Ünïcödé, 漢字 and 👩🏽‍💻';
    await account.agent.patch('/api/users/me').send({ bio }).expect(200);
    const profile = await client(t).get(`/api/users/${account.username}`).expect(200);
    expect(profile.body.bio).toBe(bio);
    // The post as created (in memory) and as read back from its row: the same instant.
    const created = await publish(t, account.agent);
    const read = await client(t).get(`/api/posts/${created.id}`).expect(200);
    expect(read.body.createdAt).toBe(created.createdAt);
  });

  it('enforces foreign keys', async () => {
    await expect(
      t.dataSource.query(
        'INSERT INTO follows (id, follower_id, followee_id, created_at) VALUES (?, ?, ?, ?)',
        [newId(), newId(), newId(), '2026-01-01 00:00:00.000'],
      ),
    ).rejects.toThrow(/foreign key/i);
  });

  it('applied every migration on start, and the schema matches the entities exactly', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('gives time-ordered UUIDv7 ids made by the app', async () => {
    const first = await signUp(t);
    const second = await signUp(t);
    expect(first.id).toMatch(UUID_PATTERN);
    expect(first.id[14]).toBe('7');
    expect(second.id > first.id).toBe(true);
  });

  it('never stores a password in the clear', async () => {
    const account = await signUp(t);
    const rows: Array<{ password_hash: string }> = await t.dataSource.query(
      'SELECT password_hash FROM users WHERE id = ?',
      [account.id],
    );
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(rows[0].password_hash).not.toContain(account.password);
  });
});
