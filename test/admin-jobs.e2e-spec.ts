import { Job } from '../src/jobs/entities/job.entity';
import { JobQueue } from '../src/jobs/job-queue';
import { mode, startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp, type Account } from './harness/client';
import { jobRows } from './harness/jobs';

declare module '../src/jobs/job-payloads' {
  interface JobPayloads {
    'test.overview': { n: number };
  }
}

type Overview = {
  due: number;
  scheduled: number;
  running: number;
  dead: number;
  oldestDueAt: string | null;
  types: Array<{ type: string; due: number; scheduled: number; running: number; dead: number }>;
  recentDead: Array<{
    id: string;
    type: string;
    payload: unknown;
    attempts: number;
    lastError: string;
  }>;
};

describe(`GET /api/admin/jobs (${mode} e2e)`, () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    // No worker: the jobs stay where the test puts them.
    t = await startApp({ WORKERS: 'off' });
    admin = await signUp(t); // the first account of the instance is an admin
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows admins the depth per type and state, the oldest due job and the dead jobs', async () => {
    const queue = t.app.get(JobQueue);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await queue.enqueue('test.overview', { n: 1 }, { runAt: hourAgo });
    await queue.enqueue('test.overview', { n: 2 });
    await queue.enqueue('test.overview', { n: 3 }, { runAt: new Date(Date.now() + 3_600_000) });
    await queue.enqueue('test.overview', { n: 4 });
    await queue.enqueue('test.overview', { n: 5 });
    const rows = await jobRows(t, 'test.overview');
    const byN = (n: number) => rows.find((row) => JSON.parse(row.payload).n === n)!;
    const future = new Date(Date.now() + 60_000);
    const jobs = t.dataSource.getRepository(Job);
    // n=4 is claimed by a worker whose lease runs for another minute; n=5 ran out of attempts.
    await jobs.update(byN(4).id, {
      lockedUntil: future,
      runAt: future,
      lockedBy: 'w',
      attempts: 1,
    });
    await jobs.update(byN(5).id, {
      deadAt: new Date(),
      lastError: 'Error: the disk is full',
      attempts: 5,
    });

    const overview = (await admin.agent.get('/api/admin/jobs').expect(200)).body as Overview;
    expect(overview.types.find((type) => type.type === 'test.overview')).toEqual({
      type: 'test.overview',
      due: 2,
      scheduled: 1,
      running: 1,
      dead: 1,
    });
    const sum = (state: 'due' | 'scheduled' | 'running' | 'dead') =>
      overview.types.reduce((total, type) => total + type[state], 0);
    expect(overview).toEqual(
      expect.objectContaining({
        due: sum('due'),
        scheduled: sum('scheduled'),
        running: sum('running'),
        dead: 1,
      }),
    );
    // The job due an hour ago is the oldest (the recurring jobs queued at start are younger).
    expect(Math.abs(Date.parse(overview.oldestDueAt!) - hourAgo.getTime())).toBeLessThan(1000);
    expect(overview.recentDead).toEqual([
      expect.objectContaining({
        id: byN(5).id,
        type: 'test.overview',
        payload: { n: 5 },
        attempts: 5,
        lastError: 'Error: the disk is full',
      }),
    ]);
  });

  it('is for admins only: 401 signed out, 403 for a user and for a moderator', async () => {
    expectProblem((await client(t).get('/api/admin/jobs').expect(401)).body, 401);
    const user = await signUp(t);
    expectProblem((await user.agent.get('/api/admin/jobs').expect(403)).body, 403);
    const moderator = await signUp(t);
    await admin.agent
      .put(`/api/admin/users/${moderator.username}/role`)
      .send({ role: 'moderator' })
      .expect(204);
    await moderator.agent.get('/api/admin/jobs').expect(403);
  });
});
