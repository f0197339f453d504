import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { screenshot, watchErrors } from './browser';
import { browserSuite } from './suite';

const PHOTO = join(__dirname, '..', 'fixtures', 'photo.jpg');

describe('Freeb in a browser', () => {
  const suite = browserSuite({ JOBS_POLL_INTERVAL_MS: '200' });
  const newPage = (width = 1200, height = 900) => suite.newPage({ viewport: { width, height } });

  async function signUp(page: Page, username: string, password: string) {
    await page.goto('/signup');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Email').fill(`${username}@example.com`);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL('**/new');
  }

  it('serves the app on every page URL, and API 404s stay problems', async () => {
    const page = await newPage();
    const errors = watchErrors(page);
    await page.goto('/u/nobody_here');
    await page.getByRole('heading', { name: 'User not found' }).waitFor();
    const api = await request(suite.t.server).get('/api/not-a-route').expect(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(errors).toEqual([]);
  });

  it('explains sign-up errors field by field', async () => {
    const page = await newPage();
    await page.goto('/signup');
    await page.getByLabel('Username').fill('x');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByText('username must be 3 to 30 characters').waitFor();
    await page.getByText('email must be a valid email address').waitFor();
    expect(await page.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');
    await page.goto('/login');
    await page.getByLabel('Email or username').fill('nobody_here');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong login or password.' }).waitFor();
  });

  it('signs up, uploads with progress, publishes, likes, comments, is followed, deletes, leaves', async () => {
    const ada = await newPage();
    const errors = watchErrors(ada);
    await signUp(ada, 'ada_browser', 'analytical engine 1843');

    // Upload: the limits up front, a preview, a progress bar while the bytes go to storage.
    await ada
      .getByText(/Up to 20 photos: JPEG, PNG, WEBP, GIF, AVIF.*, each up to 20 MB/)
      .waitFor();
    await ada.route('**/api/storage/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await ada.locator('input[type=file]').setInputFiles(PHOTO);
    await ada.getByAltText('Preview of the photo to post').waitFor();
    await screenshot(ada, 'upload');
    await ada.getByLabel('Caption').fill('Evening over the bay');
    await ada.getByLabel('Alt text').fill('A blue gradient sky at dusk');
    await ada.getByRole('button', { name: 'Publish' }).click();
    await ada.getByText(/Uploading \d+%/).waitFor();
    await ada.waitForURL('**/p/*');
    const postUrl = new URL(ada.url()).pathname;

    // The post page: once processed, a WebP variant of the photo (never the original), its alt
    // text, the caption.
    const image = ada.getByAltText('A blue gradient sky at dusk');
    await image.waitFor();
    await ada.waitForFunction(() => {
      const img = document.querySelector(
        'img[alt="A blue gradient sky at dusk"]',
      ) as HTMLImageElement | null;
      return !!img && img.naturalWidth > 0 && img.currentSrc.includes('/variants/');
    });
    await ada.getByText('Evening over the bay').waitFor();

    // Like and comment.
    await ada.getByRole('button', { name: /Like/ }).click();
    await ada.getByLabel('1 likes').waitFor();
    expect(await ada.getByRole('button', { name: /Liked/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await ada.getByLabel('Add a comment').fill('First!');
    await ada.getByRole('button', { name: 'Post comment' }).click();
    await ada.getByText('First!').waitFor();
    await screenshot(ada, 'post');

    // It is in the home feed, laid out at its aspect ratio.
    await ada.goto('/');
    const card = ada.getByRole('article', { name: 'Post by ada_browser' });
    await card.waitFor();
    await ada.waitForFunction(() =>
      [...document.images].every((img) => img.complete && img.naturalWidth > 0),
    );
    const box = await card.locator('.post-image').boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(1200 / 800, 1);
    await screenshot(ada, 'home');

    // A second person follows Ada and sees her post in their home feed.
    const bob = await newPage();
    await signUp(bob, 'bob_browser', 'difference engine 1822');
    await bob.goto('/u/ada_browser');
    await bob.getByRole('button', { name: 'Follow' }).click();
    await bob.getByRole('button', { name: 'Unfollow' }).waitFor();
    await bob.getByText('1 follower', { exact: true }).waitFor();
    await screenshot(bob, 'profile');
    await bob.goto('/');
    await bob.getByRole('article', { name: 'Post by ada_browser' }).waitFor();

    // Bob sets an avatar and a bio in his settings; his profile shows them.
    await bob.goto('/settings');
    await bob.getByLabel('Bio').fill('Numbers, mostly.');
    await bob.getByRole('button', { name: 'Save profile' }).click();
    await bob.getByText('Profile saved.').waitFor();
    await bob.locator('#avatar').setInputFiles(PHOTO);
    await bob.getByText('Avatar updated.').waitFor();
    await bob.goto('/u/bob_browser');
    await bob.getByText('Numbers, mostly.').waitFor();
    await bob.waitForFunction(() =>
      [...document.images].some((img) => img.classList.contains('avatar') && img.naturalWidth > 0),
    );

    // On a phone-width screen the feed is one column.
    const phone = await newPage(375, 740);
    await phone.goto('/'); // signed out: the public feed
    await phone.getByRole('article', { name: 'Post by ada_browser' }).waitFor();
    await phone.waitForFunction(() =>
      [...document.images].every((img) => img.complete && img.naturalWidth > 0),
    );
    await screenshot(phone, 'latest-phone');

    // Ada deletes the post; it leaves the feeds.
    ada.on('dialog', (dialog) => void dialog.accept());
    await ada.goto(postUrl);
    await ada.getByRole('button', { name: 'Delete post' }).click();
    await ada.waitForURL('**/u/ada_browser');
    await ada.getByText('No posts yet.').waitFor();
    await bob.goto('/');
    await bob.getByText(/Your feed is empty/).waitFor();

    // Bob logs out; the nav offers logging in again, and his home is the public feed.
    await bob.getByRole('button', { name: 'Log out' }).click();
    await bob.getByRole('link', { name: 'Log in' }).waitFor();
    await bob.getByRole('heading', { name: 'Latest photos' }).waitFor();

    // Ada deletes her account, confirming with her password; she cannot log in again.
    await ada.goto('/settings');
    await ada.getByLabel('Password to confirm').fill('analytical engine 1843');
    await ada.getByRole('button', { name: 'Delete my account' }).click();
    await ada.waitForURL(`${suite.origin}/`);
    await ada.goto('/login');
    await ada.getByLabel('Email or username').fill('ada_browser');
    await ada.getByLabel('Password').fill('analytical engine 1843');
    await ada.getByRole('button', { name: 'Log in' }).click();
    await ada.getByText('Wrong login or password.').waitFor();
    expect(errors).toEqual([]);
  });

  it('can be used with the keyboard, with a visible focus', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.getByRole('link', { name: 'Sign up' }).first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    // Every input has a label.
    const unlabeled = await page.$$eval(
      'input, textarea, select',
      (elements) =>
        elements.filter(
          (el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label'),
        ).length,
    );
    expect(unlabeled).toBe(0);
  });
});
