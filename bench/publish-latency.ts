/**
 * From publish to published: 20 posts of one 12 MP JPEG (4000×3000, Orientation=6), one after
 * the other, on the app with its in-process worker. Each is timed from the POST /api/posts
 * request to the first GET that shows it `published`; prints p50 and p95.
 *
 *   npm run bench:publish                       # embedded default (SQLite, local storage)
 *   FREEB_TEST_MODE=cloud npm run bench:publish # MariaDB + S3 (s3rver), as the cloud suite
 */
import sharp from 'sharp';
import { startApp } from '../test/harness/app';
import { signUp } from '../test/harness/client';
import { put, requestUpload, untilProcessed } from '../test/harness/storage';

const POSTS = Number(process.env.BENCH_POSTS ?? 20);

async function photo(): Promise<Buffer> {
  const fields = await sharp({
    create: {
      width: 100,
      height: 75,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer();
  return sharp(fields)
    .resize(4000, 3000, { kernel: 'cubic' })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const bytes = await photo();
  const t = await startApp({ JOBS_POLL_INTERVAL_MS: '100' });
  try {
    const account = await signUp(t);
    const timings: number[] = [];
    for (let i = 0; i < POSTS; i++) {
      const upload = await requestUpload(account.agent, 'image/jpeg', bytes.length);
      if ((await put(t, upload, bytes)).status !== 200) throw new Error('upload failed');
      const started = performance.now();
      const created = await account.agent
        .post('/api/posts')
        .send({ uploadId: upload.uploadId })
        .expect(201);
      const post = await untilProcessed(account.agent, created.body.id, 120_000);
      if (post.status !== 'published') throw new Error(`post ${post.id} ${post.status}`);
      timings.push(performance.now() - started);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(
      `12 MP JPEG (${(bytes.length / 1e6).toFixed(1)} MB), ${POSTS} posts: publish → published ` +
        `p50 ${(percentile(sorted, 50) / 1000).toFixed(2)} s, p95 ${(percentile(sorted, 95) / 1000).toFixed(2)} s ` +
        `(min ${(sorted[0] / 1000).toFixed(2)} s, max ${(sorted[sorted.length - 1] / 1000).toFixed(2)} s)`,
    );
  } finally {
    await t.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
