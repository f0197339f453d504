import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { Image } from '../src/images/entities/image.entity';
import { ObjectStorage } from '../src/images/storage/object-storage';
import { S3Storage, createS3Client } from '../src/images/storage/s3.storage';
import { createBucket, startApp, type TestApp } from './harness/app';
import { S3rverServer } from './harness/s3rver';
import { signUp } from './harness/client';
import { fixture } from './harness/storage';

interface Subject {
  storage: ObjectStorage;
  /** Makes the storage expect an upload to `key` (the embedded one takes only pending intents). */
  expectUpload(key: string, size: number): Promise<void>;
  /** Resolves a URL the storage handed out, as a browser on the app's origin would. */
  absolute(url: string): string;
  close(): Promise<void>;
}

/** The object-storage port's contract: every adapter must pass it unchanged. */
function objectStorageContract(name: string, open: () => Promise<Subject>) {
  describe(`ObjectStorage contract: ${name}`, () => {
    let subject: Subject;
    const bytes = fixture('tiny.png');
    const key = (label: string) => `users/contract/${label}-${Date.now()}.png`;
    const later = () => new Date(Date.now() + 60_000);
    const upload = async (objectKey: string, body = bytes, expiresAt = later()) => {
      await subject.expectUpload(objectKey, body.length);
      const signed = await subject.storage.presignUpload({
        key: objectKey,
        contentType: 'image/png',
        size: body.length,
        expiresAt,
      });
      return fetch(subject.absolute(signed.url), {
        method: 'PUT',
        headers: signed.headers,
        body: new Uint8Array(body),
      });
    };

    beforeAll(async () => {
      subject = await open();
    });

    afterAll(async () => {
      await subject.close();
    });

    it('answers its readiness check', async () => {
      await expect(subject.storage.check()).resolves.toBeUndefined();
    });

    it('stores what a presigned PUT sends, and tells its size and type', async () => {
      const objectKey = key('put');
      expect((await upload(objectKey)).status).toBe(200);
      expect(await subject.storage.head(objectKey)).toEqual({
        size: bytes.length,
        contentType: 'image/png',
      });
    });

    it('reads the first bytes of an object, or all of a short one', async () => {
      const objectKey = key('range');
      expect((await upload(objectKey)).status).toBe(200);
      expect(await subject.storage.readStart(objectKey, 8)).toEqual(bytes.subarray(0, 8));
      expect(await subject.storage.readStart(objectKey, 64 * 1024)).toEqual(bytes);
    });

    it('serves an object at a presigned download URL until it expires', async () => {
      const objectKey = key('get');
      expect((await upload(objectKey)).status).toBe(200);
      const url = await subject.storage.presignDownload(objectKey, new Date(), later());
      const res = await fetch(subject.absolute(url));
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
      const past = new Date(Date.now() - 120_000);
      const expired = await subject.storage.presignDownload(
        objectKey,
        past,
        new Date(past.getTime() + 1000),
      );
      expect((await fetch(subject.absolute(expired))).status).toBe(403);
    });

    it('refuses a PUT to an expired URL', async () => {
      const objectKey = key('late');
      const signed = await subject.storage.presignUpload({
        key: objectKey,
        contentType: 'image/png',
        size: bytes.length,
        expiresAt: new Date(Date.now() + 1000),
      });
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const res = await fetch(subject.absolute(signed.url), {
        method: 'PUT',
        headers: signed.headers,
        body: new Uint8Array(bytes),
      });
      expect(res.status).toBe(403);
      expect(await subject.storage.head(objectKey)).toBeNull();
    });

    it('copies an object to a key of its own, reads it whole and lists it by prefix', async () => {
      const from = key('source');
      expect((await upload(from)).status).toBe(200);
      const to = `copies/contract/${Date.now()}/copy.png`;
      await subject.storage.copy(from, to);
      expect(await subject.storage.read(to)).toEqual(bytes);
      await subject.storage.put(`copies/contract/made.webp`, Buffer.from('made'), 'image/webp');
      expect(await subject.storage.read('copies/contract/made.webp')).toEqual(Buffer.from('made'));
      const listed = await subject.storage.listWrittenBefore('copies/', later(), 100);
      expect(listed).toEqual(expect.arrayContaining([to, 'copies/contract/made.webp']));
      expect(await subject.storage.listWrittenBefore('copies/', new Date(0), 100)).toEqual([]);
    });

    it('knows no missing object, and deletes idempotently', async () => {
      const objectKey = key('delete');
      expect(await subject.storage.head(objectKey)).toBeNull();
      expect((await upload(objectKey)).status).toBe(200);
      await subject.storage.delete(objectKey);
      expect(await subject.storage.head(objectKey)).toBeNull();
      await expect(subject.storage.delete(objectKey)).resolves.toBeUndefined();
    });
  });
}

objectStorageContract('local files served by the app', async () => {
  const t: TestApp = await startApp({ STORAGE: 'local' });
  const origin = `http://127.0.0.1:${(t.server.address() as { port: number }).port}`;
  const owner = await signUp(t);
  return {
    storage: t.app.get(ObjectStorage),
    expectUpload: async (key, size) => {
      await t.dataSource.getRepository(Image).insert({
        id: randomUUID(),
        ownerId: owner.id,
        storageKey: key,
        contentType: 'image/png',
        sizeBytes: size,
        status: 'pending',
        expiresAt: new Date(Date.now() + 60_000),
        createdAt: new Date(),
      });
    },
    absolute: (url) => (url.startsWith('/') ? `${origin}${url}` : url),
    close: () => t.close(),
  };
});

objectStorageContract('S3 (s3rver)', async () => {
  const s3 = await new S3rverServer().start();
  await createBucket(s3.endpoint, 'contract');
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  const client: S3Client = createS3Client({
    bucket: 'contract',
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    timeoutMs: 2000,
  });
  return {
    storage: new S3Storage(client, client, 'contract'),
    expectUpload: () => Promise.resolve(),
    absolute: (url) => url,
    close: async () => {
      client.destroy();
      await s3.destroy();
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    },
  };
});
