import type { Page } from 'playwright-core';
import { signUp, type Account, type Agent } from '../harness/client';
import {
  eventually,
  fixture,
  postPhoto,
  put,
  requestUpload,
  untilProcessed,
} from '../harness/storage';
import request from 'supertest';
import { accessibilityProblems, screenshot, watchErrors } from './browser';
import { browserSuite, DESKTOP, PHONE } from './suite';

/** The bell's accessible name: "Notifications, 2 unread" (Chrome puts a space before the comma). */
const bell = (count: number) => new RegExp(`^Notifications ?, ${count} unread$`);

const DEVICES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

describe('Discovery in the browser: tags, mentions, search, explore, notifications, suggestions (issue 12)', () => {
  const suite = browserSuite({ JOBS_POLL_INTERVAL_MS: '100', EXPLORE_REFRESH_SECONDS: '1' });
  let zoe: Account;
  let bob: Account;
  let painter: Account;
  let sunsetId: string;

  /** A real 1200×800 photo, so the page has variants to choose between. */
  async function publishPhoto(agent: Agent, caption: string): Promise<string> {
    const bytes = fixture('photo.jpg');
    const upload = await requestUpload(agent, 'image/jpeg', bytes.length);
    expect((await put(suite.t, upload, bytes)).status).toBe(200);
    const res = await agent
      .post('/api/posts')
      .send({ media: [{ uploadId: upload.uploadId, altText: caption }], caption })
      .expect(201);
    expect((await untilProcessed(agent, res.body.id)).status).toBe('published');
    return res.body.id as string;
  }

  beforeAll(async () => {
    zoe = await signUp(suite.t, { firstName: 'Zoë', lastName: 'Quist' });
    bob = await signUp(suite.t, { firstName: 'Bob' });
    painter = await signUp(suite.t, { firstName: 'Pia' });
    sunsetId = await publishPhoto(
      zoe.agent,
      `Sunset in #Paris with @${bob.username}, not @nobody_at_all.`,
    );
    // 22 posts tagged #grid: more than one page (20) of the tag page.
    const created = [];
    for (let i = 1; i <= 22; i += 1) {
      created.push(await postPhoto(suite.t, painter.agent, { caption: `Study ${i} #grid` }));
    }
    for (const post of created) await untilProcessed(painter.agent, post.id);
    await bob.agent
      .post(`/api/posts/${sunsetId}/comments`)
      .send({ body: `Lovely @${zoe.username} #GoldenHour` })
      .expect(201);
  }, 120_000);

  it.each(DEVICES)(
    'captions and comments link #tags to the tag page and @mentions to profiles (%s)',
    async (_device, viewport) => {
      const page = await suite.newPage({ viewport });
      const errors = watchErrors(page);
      await page.goto(`/p/${sunsetId}`);
      const caption = page.locator('.post-side .caption');
      await caption.getByRole('link', { name: '#Paris' }).waitFor();
      // A mention of nobody stays text; the sentence's full stop is not part of a name.
      expect(await caption.getByRole('link').allTextContents()).toEqual([
        '#Paris',
        `@${bob.username}`,
      ]);
      expect(await caption.textContent()).toContain('@nobody_at_all.');

      await caption.getByRole('link', { name: '#Paris' }).click();
      await page.waitForURL('**/tags/paris');
      await page.getByRole('heading', { name: '#paris' }).waitFor();
      await page.getByText('1 post', { exact: true }).waitFor();
      await page.goBack();
      await caption.getByRole('link', { name: `@${bob.username}` }).click();
      await page.waitForURL(`**/u/${bob.username}`);
      await page.getByRole('heading', { name: 'Bob' }).waitFor();

      // In a comment too.
      await page.goto(`/p/${sunsetId}`);
      const comments = page.getByRole('region', { name: 'Comments' });
      await comments.getByRole('link', { name: `@${zoe.username}` }).click();
      await page.waitForURL(`**/u/${zoe.username}`);
      await page.goBack();
      await comments.getByRole('link', { name: '#GoldenHour' }).click();
      await page.waitForURL('**/tags/goldenhour');
      await page.getByRole('heading', { name: '#goldenhour' }).waitFor();
      // Only captions are indexed: honest about it.
      await page.getByText('0 posts', { exact: true }).waitFor();
      await page.getByText('No posts with #goldenhour yet.').waitFor();
      expect(errors).toEqual([]);
    },
  );

  it.each(DEVICES)(
    'a tag page shows the tag, its count and a grid that loads more as it scrolls (%s)',
    async (device, viewport) => {
      const page = await suite.newPage({ viewport });
      const pages: string[] = [];
      page.on('request', (req) => {
        if (new URL(req.url()).pathname === '/api/tags/grid/posts') pages.push(req.url());
      });
      await page.goto('/tags/GRID');
      await page.getByRole('heading', { name: '#grid' }).waitFor();
      await page.getByText('22 posts').waitFor();
      expect(await page.title()).toBe('#grid · Freeb');
      const tiles = page.locator('.tiles a');
      await tiles.nth(19).waitFor();
      const first = await tiles.evaluateAll((links) =>
        links.slice(0, 3).map((link) => link.getBoundingClientRect().toJSON() as DOMRect),
      );
      for (const box of first) expect(box.width).toBeCloseTo(box.height, 0);
      expect(first[0].y).toBe(first[2].y); // three to a row
      await page.mouse.wheel(0, 20_000);
      await tiles.nth(21).waitFor();
      expect(await tiles.count()).toBe(22);
      expect(pages).toHaveLength(2);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `tag-${device}`);
      await tiles.first().click();
      await page.waitForURL('**/p/*');
      await page.getByText(/Study 22 #grid/).waitFor();
    },
  );

  /** The search field of this viewport: in Explore on a phone, in the header on a desktop. */
  async function searchField(page: Page, device: string) {
    if (device === 'phone') {
      await page.goto('/');
      await page
        .getByRole('navigation', { name: 'Tabs' })
        .getByRole('link', { name: 'Explore' })
        .click();
      await page.waitForURL('**/explore');
    } else {
      await page.goto('/');
    }
    const field = page.getByRole('combobox', { name: 'Search people and tags' });
    await field.waitFor();
    return field;
  }

  it.each(DEVICES)(
    'search is debounced, accent-insensitive, keyboard navigable, with honest empty and error states (%s)',
    async (device, viewport) => {
      const page = await suite.signedIn(bob, { viewport });
      const errors = watchErrors(page);
      const searches: string[] = [];
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (url.pathname === '/api/search') searches.push(url.searchParams.get('q') ?? '');
      });
      const field = await searchField(page, device);
      expect(await field.isVisible()).toBe(true);

      // Typed key by key faster than the debounce: one request, for the whole word.
      await field.pressSequentially('zoe', { delay: 40 });
      const listbox = page.getByRole('listbox', { name: 'Search results' });
      const zoeOption = listbox.getByRole('option', {
        name: new RegExp(`^${zoe.username} ?, Zoë Quist$`),
      });
      await zoeOption.waitFor();
      expect(searches).toEqual(['zoe']);
      expect(await zoeOption.locator('img, .avatar').count()).toBe(1);
      expect(await field.getAttribute('aria-expanded')).toBe('true');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `search-${device}`);
      await page.keyboard.press('ArrowDown');
      expect(await field.getAttribute('aria-activedescendant')).toBe(
        await zoeOption.getAttribute('id'),
      );
      expect(await zoeOption.getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/u/${zoe.username}`);
      await page.getByRole('heading', { name: 'Zoë Quist' }).waitFor();

      // Tags, by prefix.
      const again = await searchField(page, device);
      await again.fill('#gri');
      const tag = listbox.getByRole('option', { name: /^#grid ?, 22 posts$/ });
      await tag.waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/tags/grid');

      // Nothing found says so; Escape closes the list.
      const third = await searchField(page, device);
      await third.fill('qqzzxx');
      await page.getByText('Nobody and no tag matches “qqzzxx”.').waitFor();
      await page.keyboard.press('Escape');
      expect(await third.getAttribute('aria-expanded')).toBe('false');

      // A failing search says Freeb's search is down, not "nothing found".
      await page.route('**/api/search?*', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'x', title: 'Unavailable', status: 503, detail: 'Down.' }),
        }),
      );
      await third.fill('zo');
      await page
        .getByRole('alert')
        .filter({ hasText: 'Search is unavailable right now.' })
        .waitFor();
      expect(await page.getByText(/Nobody and no tag matches/).count()).toBe(0);
      expect(errors).toEqual([]);
    },
  );

  it.each(DEVICES)(
    'Explore is a grid of the ranking, each photo no larger than it is shown (%s)',
    async (device, viewport) => {
      // The ranking job has run: the one post with engagement (a comment) leads.
      await eventually(async () => {
        const ranked = await request(suite.t.server).get('/api/explore').expect(200);
        if (ranked.body.items[0]?.id !== sunsetId) throw new Error('not ranked yet');
      });
      const page = await suite.newPage({ viewport });
      const explore: string[] = [];
      page.on('request', (req) => {
        if (new URL(req.url()).pathname === '/api/explore') explore.push(req.url());
      });
      await page.goto('/explore');
      const tiles = page.locator('.tiles a');
      await tiles.first().waitFor();
      expect(await tiles.first().getAttribute('href')).toBe(`/p/${sunsetId}`);
      expect(explore.length).toBeGreaterThan(0);
      expect(await page.title()).toBe('Explore · Freeb');
      const sunset = page.locator(`.tiles a[href="/p/${sunsetId}"]`);
      await sunset.scrollIntoViewIfNeeded();
      await sunset
        .locator('img')
        .evaluate(
          (img: HTMLImageElement) =>
            img.complete ||
            new Promise((resolve) => img.addEventListener('load', resolve, { once: true })),
        );
      const shown = await sunset.locator('img').evaluate((img: HTMLImageElement) => ({
        natural: img.naturalWidth,
        slot: img.getBoundingClientRect().width * window.devicePixelRatio,
        srcset: img.srcset,
      }));
      expect(shown.srcset).toMatch(/ 320w/);
      // The 1200 px photo is drawn at a third of the screen: the 320 or 640 px copy, not more.
      expect(shown.natural).toBeLessThanOrEqual(Math.max(320, shown.slot * 2));
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `explore-${device}`);
    },
  );

  it.each(DEVICES)(
    'the unread badge counts, the inbox groups by time, marks read on open and links to what happened (%s)',
    async (device, viewport) => {
      const owner = await signUp(suite.t, { firstName: 'Ada' });
      const fan = await signUp(suite.t, { firstName: 'Fan' });
      const postId = await publishPhoto(owner.agent, `A ${device} photo`);
      await fan.agent.put(`/api/users/${owner.username}/follow`).expect(204);
      const page = await suite.signedIn(owner, { viewport });
      const errors = watchErrors(page);
      const nav = page.getByRole('navigation', { name: device === 'phone' ? 'Tabs' : 'Main' });
      await nav.getByRole('link', { name: bell(1) }).waitFor();
      const badge = nav.locator('.badge');
      expect(await badge.textContent()).toBe('1');

      // Another person likes the post: the count changes on the next page Ada opens.
      await fan.agent.put(`/api/posts/${postId}/like`).expect(204);
      await page.goto(`/u/${owner.username}`);
      await nav.getByRole('link', { name: bell(2) }).waitFor();

      await nav.getByRole('link', { name: bell(2) }).click();
      await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Today', level: 2 }).waitFor();
      const like = page.getByRole('link', { name: new RegExp(`${fan.username} liked your post`) });
      const follow = page.getByRole('link', {
        name: new RegExp(`${fan.username} started following you`),
      });
      await like.waitFor();
      await follow.waitFor();
      // Marked read on open: the badge goes, the API agrees; this visit still shows them as new.
      await nav.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
      expect(await badge.count()).toBe(0);
      const unread = await owner.agent.get('/api/notifications/unread-count').expect(200);
      expect(unread.body).toEqual({ count: 0 });
      expect(await like.getAttribute('class')).toContain('unread');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `notifications-${device}`);

      await like.click();
      await page.waitForURL(`**/p/${postId}`);
      await page.goBack();
      await follow.click();
      await page.waitForURL(`**/u/${fan.username}`);
      expect(errors).toEqual([]);
    },
  );

  it('an empty home feed suggests people to follow, with Follow buttons', async () => {
    const newbie = await signUp(suite.t);
    const page = await suite.signedIn(newbie, { viewport: PHONE });
    await page.getByText(/Your feed is empty/).waitFor();
    const suggestions = page.getByRole('region', { name: 'People you might like' });
    const follow = suggestions.getByRole('button', { name: `Follow ${zoe.username}` });
    await follow.waitFor();
    expect(await suggestions.getByRole('link', { name: new RegExp(zoe.username) }).count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'suggestions-phone');
    await follow.click();
    const following = suggestions.getByRole('button', {
      name: `Following ${zoe.username}`,
      pressed: true,
    });
    await following.waitFor();
    expect(await following.textContent()).toBe('Following');
    expect(await accessibilityProblems(page)).toEqual([]);
    const profile = await newbie.agent.get(`/api/users/${zoe.username}`).expect(200);
    expect(profile.body.viewer.following).toBe(true);
    // Following fills the feed once the backfill has run.
    await page.reload();
    await page.getByRole('article', { name: `Post by ${zoe.username}` }).waitFor();
  });
});
