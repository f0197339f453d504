import type { SessionData } from 'express-session';
import { SessionBackend } from '../../src/auth/session/session-backend';
import { startApp, type TestApp } from '../harness/app';
import { type Agent, signUp } from '../harness/client';
import { withWorkersPaused } from '../harness/jobs';
import { queriesDuring } from '../harness/queries';
import { publish } from '../harness/storage';

/** SESSION_STORE=database on MariaDB: the embedded default's store, as the floor benchmark runs it. */
describe('Sessions in MariaDB (cloud e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ SESSION_STORE: 'database' });
  });

  afterAll(async () => {
    await t.close();
  });

  const sessionsOf = async (userId: string) =>
    (
      (await t.dataSource.query('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', [
        userId,
      ])) as Array<{ n: number | string }>
    ).map((row) => Number(row.n))[0];
  /** The statements of a signed-in read, the job workers' polling left out. */
  const readBy = async (agent: Agent, path: string) =>
    (await queriesDuring(t, () => agent.get(path).expect(200))).filter(
      (sql) => !/\b(INTO|FROM|UPDATE)\s+[`"]?jobs\b/i.test(sql),
    );

  it('reads the session and its caller in one statement, with whether blocks or mutes apply', async () => {
    const ada = await signUp(t);
    const bob = await signUp(t);
    await publish(t, bob.agent);
    expect(await sessionsOf(ada.id)).toBe(1);
    // The job workers pause (the post's fan-out would run beside the reads): the counts are
    // the requests' own.
    await withWorkersPaused(t, async () => {
      const quiet = await readBy(ada.agent, '/api/posts');
      expect(quiet).toHaveLength(2);
      expect(quiet[0]).toMatch(/FROM sessions s LEFT JOIN users su ON su\.id = s\.user_id/);
      expect(quiet[1]).not.toMatch(/\bvis_b\b/);

      // Blocked by bob: ada's next request checks blocks (MariaDB's EXISTS read as a flag).
      await bob.agent.put(`/api/users/${ada.username}/block`).expect(204);
      const checked = await readBy(ada.agent, '/api/posts');
      expect(checked).toHaveLength(2);
      expect(checked[1]).toMatch(/\bvis_bb\b/);
    });

    await ada.agent.post('/api/auth/logout').expect(204);
    expect(await sessionsOf(ada.id)).toBe(0);
    await ada.agent.get('/api/auth/me').expect(401);
  });

  it('stores a session again under its id (a renewal), and forgets an expired one', async () => {
    const ada = await signUp(t);
    const store = t.app.get(SessionBackend).store;
    const session = (expires: Date, renewedAt: number) =>
      ({
        cookie: { expires, originalMaxAge: 60_000, httpOnly: true, path: '/' },
        passport: { user: ada.id },
        generation: 0,
        renewedAt,
      }) as unknown as SessionData;
    const set = (sid: string, data: SessionData) =>
      new Promise<void>((resolve, reject) =>
        store.set(sid, data, (error) => (error ? reject(error as Error) : resolve())),
      );
    const get = (sid: string) =>
      new Promise<SessionData | null | undefined>((resolve, reject) =>
        store.get(sid, (error, data) => (error ? reject(error as Error) : resolve(data))),
      );
    const sid = `renewal-${ada.id}`;
    const later = new Date(Date.now() + 60_000);
    await set(sid, session(later, 1));
    await set(sid, session(later, 2));
    expect(await get(sid)).toEqual(expect.objectContaining({ renewedAt: 2 }));
    expect(await sessionsOf(ada.id)).toBe(2);
    await set(sid, session(new Date(Date.now() - 1000), 3));
    expect(await get(sid)).toBeNull();
  });
});
