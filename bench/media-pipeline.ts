/**
 * The media pipeline against the floor: a bare sharp script making the same outputs (upright
 * WebP 2048/1080/640/320 and a 100 px RGBA thumbnail, decoded once, each variant resized from
 * the largest) from the same 12 MP JPEG, alternated in one run. Prints CPU time per image of
 * each, their ratio, and images/s per core (images per CPU-second). Then, in a child process,
 * the peak RSS of a worker processing 50 MP JPEGs.
 *
 *   npm run bench:media
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ImageProcessor } from '../src/media/image-processor';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const limits = { maxPixels: 50_000_000, maxFrames: 200 };

/** A photo-like JPEG (smooth colour fields with grain), stored sideways with Orientation=6. */
async function photo(width: number, height: number): Promise<Buffer> {
  const fields = await sharp({
    create: {
      width: Math.round(width / 40),
      height: Math.round(height / 40),
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer();
  const smooth = await sharp(fields).resize(width, height, { kernel: 'cubic' }).png().toBuffer();
  const grain = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 8 },
    },
  })
    .png()
    .toBuffer();
  return sharp(smooth)
    .composite([{ input: grain, blend: 'soft-light' }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The floor: what the pipeline makes, with nothing but sharp. */
async function bareSharp(input: Buffer): Promise<void> {
  const { data, info } = await sharp(input)
    .rotate()
    .resize({ width: 2048 })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  await Promise.all([
    sharp(data, raw).webp({ quality: 80 }).toBuffer(),
    ...[1080, 640, 320].map((width) =>
      sharp(data, raw).resize({ width }).webp({ quality: 80 }).toBuffer(),
    ),
    sharp(data, raw).resize(100, 100, { fit: 'inside' }).ensureAlpha().raw().toBuffer(),
  ]);
}

async function cpuSeconds(run: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function throughput(): Promise<void> {
  const input = await photo(4000, 3000);
  const sut = new ImageProcessor(limits);
  console.log(
    `12 MP JPEG: ${(input.length / 1e6).toFixed(1)} MB, ${ROUNDS} rounds each, alternated`,
  );
  await sut.photo(input);
  await bareSharp(input);
  const pipeline: number[] = [];
  const bare: number[] = [];
  const wall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    pipeline.push(await cpuSeconds(() => sut.photo(input)));
    wall.push((performance.now() - started) / 1000);
    bare.push(await cpuSeconds(() => bareSharp(input)));
  }
  const [p, b] = [median(pipeline), median(bare)];
  console.log(`pipeline   ${p.toFixed(3)} CPU-s/image  ${(1 / p).toFixed(2)} images/s per core`);
  console.log(`bare sharp ${b.toFixed(3)} CPU-s/image  ${(1 / b).toFixed(2)} images/s per core`);
  console.log(`ratio pipeline / bare sharp: ${(p / b).toFixed(2)} (target ≤ 1.2)`);
  console.log(`pipeline wall time per image: ${median(wall).toFixed(3)} s`);
}

/**
 * This process's peak RSS (VmHWM). Not `resourceUsage().maxRSS`: Linux carries the parent's
 * peak over `exec` into it.
 */
function highWaterMiB(): number {
  const line = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return Number(line![1]) / 1024;
}

/** Child process: processes the 50 MP JPEG three times and prints its peak RSS. */
async function peakRss(file: string): Promise<void> {
  const input = readFileSync(file);
  const sut = new ImageProcessor(limits);
  const baseline = highWaterMiB();
  for (let round = 0; round < 3; round++) await sut.photo(input);
  console.log(JSON.stringify({ baselineMiB: baseline, peakMiB: highWaterMiB() }));
}

async function main(): Promise<void> {
  const rssAt = process.argv.indexOf('--rss');
  if (rssAt > 0) return peakRss(process.argv[rssAt + 1]);
  await throughput();
  const dir = mkdtempSync(join(tmpdir(), 'freeb-bench-'));
  const file = join(dir, '50mp.jpg');
  writeFileSync(file, await photo(8660, 5773));
  let output: string;
  try {
    output = execFileSync(process.execPath, [...process.execArgv, __filename, '--rss', file], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const { baselineMiB, peakMiB } = JSON.parse(output.trim().split('\n').at(-1)!);
  console.log(
    `worker peak RSS with 50 MP JPEGs: ${peakMiB.toFixed(0)} MiB (before: ${baselineMiB.toFixed(0)} MiB; target < 512)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
