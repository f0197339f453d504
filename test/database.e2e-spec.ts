import { UUID_PATTERN } from '../src/common/ids';
import { mode, startApp, type TestApp } from './harness/app';
import { signUp } from './harness/client';

describe('Database (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it(`runs on the ${mode} database`, () => {
    expect(t.dataSource.options.type).toBe(mode === 'cloud' ? 'mariadb' : 'better-sqlite3');
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
