import { PRODUCTION_DEADLINE_MS, createBucket, startApp, type TestApp } from '../harness/app';
import { client, expectProblem, signUp } from '../harness/client';
import { S3rverServer } from '../harness/s3rver';
import {
  eventually,
  fixture,
  keyOfUrl,
  objectExists,
  publish,
  put,
  requestUpload,
} from '../harness/storage';

describe('Object storage goes away and comes back (cloud e2e)', () => {
  let t: TestApp;
  let s3: S3rverServer;

  beforeAll(async () => {
    // A storage of this suite's own, which the test stops and starts.
    s3 = await new S3rverServer().start();
    await createBucket(s3.endpoint, 'freeb-outage');
    t = await startApp({
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: 'freeb-outage',
      DEPENDENCY_TIMEOUT_MS: PRODUCTION_DEADLINE_MS,
    });
  });

  afterAll(async () => {
    await t.close();
    await s3.destroy();
  });

  it('keeps retrying a deletion while storage is down, and finishes it once storage is back', async () => {
    const account = await signUp(t);
    const post = await publish(t, account.agent);
    const key = keyOfUrl(t, post.image.url);
    expect(await objectExists(t, key)).toBe(true);

    await s3.stop();
    await account.agent.delete(`/api/posts/${post.id}`).expect(204);
    await client(t).get(`/api/posts/${post.id}`).expect(404);

    const pending = () =>
      t.dataSource.query(
        "SELECT attempts, last_error FROM jobs WHERE type = 'storage.delete' AND payload = ?",
        [JSON.stringify({ key })],
      ) as Promise<Array<{ attempts: number; last_error: string | null }>>;
    await eventually(async () => {
      const [row] = await pending();
      expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect(row.last_error).toEqual(expect.any(String));
    });
    const ready = await client(t).get('/health/ready').expect(503);
    expect(ready.body.errors).toEqual([{ field: 'storage', message: expect.any(String) }]);
    // Signing an upload URL needs no storage; checking an upload does: 503, and nothing changes.
    const upload = await requestUpload(account.agent, 'image/png', fixture('tiny.png').length);
    const refused = await account.agent
      .post('/api/posts')
      .send({ uploadId: upload.uploadId })
      .expect(503);
    expectProblem(refused.body, 503);

    await s3.start();

    await eventually(async () => {
      expect(await pending()).toEqual([]);
      expect(await objectExists(t, key)).toBe(false);
    }, 20_000);
    await client(t).get('/health/ready').expect(200);
    expect((await put(t, upload, fixture('tiny.png'))).status).toBe(200);
    await account.agent.post('/api/posts').send({ uploadId: upload.uploadId }).expect(201);
  });
});
