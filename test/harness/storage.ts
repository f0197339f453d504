import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { mode, testS3Client, type TestApp } from './app';
import type { Agent } from './client';

export const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));

export const FIXTURES = {
  'image/jpeg': { file: 'tiny.jpg', width: 4, height: 3 },
  'image/png': { file: 'tiny.png', width: 3, height: 2 },
  'image/gif': { file: 'tiny.gif', width: 5, height: 4 },
  'image/webp': { file: 'tiny.webp', width: 6, height: 5 },
  'image/avif': { file: 'tiny.avif', width: 7, height: 6 },
} as const;

export interface Upload {
  uploadId: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  expiresAt: string;
}

/** A URL as a browser on the API's origin would resolve it. */
export function absolute(t: TestApp, url: string): string {
  return url.startsWith('/')
    ? `http://127.0.0.1:${(t.server.address() as { port: number }).port}${url}`
    : url;
}

export async function requestUpload(
  agent: Agent,
  contentType: string,
  size: number,
): Promise<Upload> {
  const res = await agent.post('/api/images/uploads').send({ contentType, size }).expect(201);
  return res.body as Upload;
}

/** PUTs bytes to an upload URL the way a browser's fetch does. */
export function put(
  t: TestApp,
  upload: Upload,
  body: Buffer,
  headers: Record<string, string> = upload.headers,
) {
  return fetch(absolute(t, upload.url), { method: 'PUT', headers, body: new Uint8Array(body) });
}

/** The client flow: intent, PUT to storage, post. Returns the post as created (processing). */
export async function postPhoto(
  t: TestApp,
  agent: Agent,
  fields: Record<string, unknown> = {},
  contentType: keyof typeof FIXTURES = 'image/png',
): Promise<PublishedPost> {
  const bytes = fixture(FIXTURES[contentType].file);
  const upload = await requestUpload(agent, contentType, bytes.length);
  const stored = await put(t, upload, bytes);
  expect(stored.status).toBe(200);
  const res = await agent
    .post('/api/posts')
    .send({ uploadId: upload.uploadId, ...fields })
    .expect(201);
  return res.body as PublishedPost;
}

/** The whole client flow, until the post is processed. Returns the post as its author sees it. */
export async function publish(
  t: TestApp,
  agent: Agent,
  fields: Record<string, unknown> = {},
  contentType: keyof typeof FIXTURES = 'image/png',
): Promise<PublishedPost> {
  const created = await postPhoto(t, agent, fields, contentType);
  const post = await untilProcessed(agent, created.id);
  expect(post.status).toBe('published');
  return post;
}

export interface PostedPhoto {
  id: string;
  status: string;
  url: string;
  width: number;
  height: number;
  altText: string | null;
  placeholder: string | null;
  color: string | null;
  variants: Array<{ width: number; height: number; contentType: string; url: string }>;
}

export interface PublishedPost {
  id: string;
  status: string;
  failure?: string;
  createdAt: string;
  media: PostedPhoto[];
  image: PostedPhoto;
}

/** The post as its author sees it once processing is over (published or failed). */
export async function untilProcessed(
  agent: Agent,
  postId: string,
  timeoutMs = 30_000,
): Promise<PublishedPost> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await agent.get(`/api/posts/${postId}`).expect(200);
    if (res.body.status !== 'processing') return res.body as PublishedPost;
    if (Date.now() > deadline) throw new Error(`post ${postId} still processing`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The storage key inside an upload or image URL of either adapter. */
export function keyOfUrl(t: TestApp, url: string): string {
  const path = decodeURIComponent(new URL(absolute(t, url)).pathname);
  return mode === 'embedded'
    ? path.replace(/^\/api\/storage\//, '')
    : path.replace(`/${t.env.S3_BUCKET}/`, '');
}

/** Every object in the suite's storage (local files, or the suite's bucket). */
export async function storedKeys(t: TestApp): Promise<string[]> {
  if (mode === 'embedded') {
    const root = join(t.env.DATA_DIR, 'objects');
    const walk = (dir: string): string[] => {
      let entries: string[];
      try {
        entries = readdirSync(dir);
      } catch {
        return [];
      }
      return entries.flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? walk(path) : [relative(root, path)];
      });
    };
    return walk(root).sort();
  }
  const s3 = testS3Client(t.env.S3_ENDPOINT);
  try {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: t.env.S3_BUCKET }));
    return (listed.Contents ?? []).map((object) => object.Key!).sort();
  } finally {
    s3.destroy();
  }
}

export async function objectExists(t: TestApp, key: string): Promise<boolean> {
  if (mode === 'embedded') {
    try {
      return statSync(join(t.env.DATA_DIR, 'objects', key)).isFile();
    } catch {
      return false;
    }
  }
  const s3 = testS3Client(t.env.S3_ENDPOINT);
  try {
    await s3.send(new HeadObjectCommand({ Bucket: t.env.S3_BUCKET, Key: key }));
    return true;
  } catch {
    return false;
  } finally {
    s3.destroy();
  }
}

/** Puts bytes under a key behind the app's back, as a storage that accepted anything would. */
export async function storeDirectly(
  t: TestApp,
  key: string,
  body: Buffer,
  contentType: string,
): Promise<void> {
  if (mode === 'embedded') {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const path = join(t.env.DATA_DIR, 'objects', key);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, body);
    return;
  }
  const s3 = testS3Client(t.env.S3_ENDPOINT);
  await s3.send(
    new PutObjectCommand({
      Bucket: t.env.S3_BUCKET,
      Key: key,
      Body: body,
      ContentType: contentType,
    }),
  );
  s3.destroy();
}

/** Retries an assertion until it passes (background work) or the time is up. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
