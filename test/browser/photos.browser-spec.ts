import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { signUp } from '../harness/client';
import { put, requestUpload, untilProcessed } from '../harness/storage';
import { accessibilityProblems, logIn, RESULTS, screenshot } from './browser';
import { browserSuite, PHONE } from './suite';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A 12 MP (4000×3000) JPEG with a gradient and some texture, like a phone photo. */
async function twelveMegapixels(seed: number): Promise<Buffer> {
  const { width, height } = { width: 400, height: 300 };
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i += 1) {
    const x = i % width;
    const y = Math.floor(i / width);
    pixels[i * 3] = (x + seed * 40) % 256;
    pixels[i * 3 + 1] = (y * 2 + ((x * y) % 17)) % 256;
    pixels[i * 3 + 2] = (seed * 25 + ((x ^ y) % 64)) % 256;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .resize(4000, 3000, { kernel: 'cubic' })
    .jpeg({ quality: 90 })
    .toBuffer();
}

describe('Posts of several photos in the browser (issue 8)', () => {
  const suite = browserSuite();
  /** A phone: 390×844 at DPR 3, touch. */
  const phone = () =>
    suite.newPage({
      viewport: PHONE,
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    });

  it('publishes 3 photos with alt texts; the carousel swipes; srcset and placeholder', async () => {
    const ada = await signUp(suite.t);
    const page = await phone();
    await logIn(page, ada.username, ada.password);
    await page.goto('/new');
    await page.getByText(/Up to 20 photos/).waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles(
        ['photo.jpg', 'exif-gps-orient6.jpg', 'alpha.png'].map((f) => join(FIXTURES, f)),
      );
    await page.getByLabel('Alt text, photo 1').fill('A blue gradient');
    await page.getByLabel('Alt text, photo 2').fill('A portrait');
    await page.getByLabel('Alt text, photo 3').fill('A transparent square');
    await page.getByRole('button', { name: 'Move photo 3 earlier' }).click();
    await page.getByLabel('Caption').fill('Three at once');
    await screenshot(page, 'new-post-3-photos-phone');
    // Photos load slowly, so the placeholder can be seen before each arrives.
    await page.route('**/*.webp*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL('**/p/*');
    const carousel = page.getByRole('region', { name: /Photos by/ });
    await carousel.waitFor({ timeout: 60_000 });
    await page.getByText('1 / 3').waitFor();
    const first = page.getByAltText('A blue gradient');
    await first.waitFor({ state: 'attached' });
    expect(await page.locator('[data-placeholder=shown]').count()).toBeGreaterThan(0);
    expect(
      await page
        .locator('[data-placeholder=shown]')
        .first()
        .evaluate((frame) => getComputedStyle(frame).backgroundImage),
    ).toMatch(/^url\("data:image\/png;base64,/);
    const srcset = (await first.getAttribute('srcset')) ?? '';
    expect(srcset).toMatch(/ 320w/);
    expect(srcset).toMatch(/ 1080w/);
    expect(await first.getAttribute('sizes')).toBeTruthy();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-placeholder=shown]').length === 0,
      undefined,
      { timeout: 30_000 },
    );
    await screenshot(page, 'post-3-photos-phone');

    // Swipe left on the photos: the second (in the chosen order: the transparent square).
    const cdp = await page.context().newCDPSession(page);
    const box = (await carousel.boundingBox())!;
    const y = Math.round(box.y + box.height / 2);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
      });
    await touch('touchStart', Math.round(box.x + box.width * 0.85));
    for (let step = 1; step <= 8; step += 1) {
      await touch('touchMove', Math.round(box.x + box.width * (0.85 - step * 0.09)));
    }
    await touch('touchEnd', 0);
    await page.getByText('2 / 3').waitFor();
    await carousel.focus(); // the track: arrow keys move it
    await page.keyboard.press('ArrowRight');
    await page.getByText('3 / 3').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('a phone (390 px, DPR 3) loads at most 1.5 MB of images for a feed of ten 12 MP photos', async () => {
    const author = await signUp(suite.t);
    for (let i = 0; i < 10; i += 1) {
      const bytes = await twelveMegapixels(i);
      const upload = await requestUpload(author.agent, 'image/jpeg', bytes.length);
      expect((await put(suite.t, upload, bytes)).status).toBe(200);
      const res = await author.agent
        .post('/api/posts')
        .send({ media: [{ uploadId: upload.uploadId, altText: `Big ${i}` }] })
        .expect(201);
      expect((await untilProcessed(author.agent, res.body.id, 120_000)).status).toBe('published');
    }
    const page = await phone();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    let imageBytes = 0;
    const images = new Map<string, boolean>();
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Image') images.set(event.requestId, true);
    });
    cdp.on('Network.loadingFinished', (event) => {
      if (images.has(event.requestId)) imageBytes += event.encodedDataLength;
    });
    await page.goto('/'); // signed out: the public feed
    await page.getByRole('article').nth(9).waitFor();
    // Scroll through the whole feed so every photo loads.
    for (let i = 0; i < 10; i += 1) {
      await page.getByRole('article').nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (n) =>
          (document.querySelectorAll('article img')[n] as HTMLImageElement | undefined)?.complete,
        i,
      );
    }
    await page.waitForLoadState('networkidle');
    const figuresFile = join(RESULTS, 'figures.json');
    const figures = existsSync(figuresFile) ? JSON.parse(readFileSync(figuresFile, 'utf8')) : {};
    writeFileSync(
      figuresFile,
      `${JSON.stringify({ ...figures, feedOfTen12MpImageBytes: imageBytes }, null, 2)}\n`,
    );
    process.stdout.write(
      `\nImages for a feed of ten 12 MP photos at 390 px DPR 3: ${imageBytes} bytes\n`,
    );
    expect(imageBytes).toBeGreaterThan(0);
    expect(imageBytes).toBeLessThanOrEqual(1_500_000);
  }, 600_000);
});
