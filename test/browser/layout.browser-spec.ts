import request from 'supertest';
import { signUp, type Account } from '../harness/client';
import { publish } from '../harness/storage';
import { imagesLoaded, screenshot, watchErrors } from './browser';
import { browserSuite, DESKTOP, PHONE } from './suite';

describe('The phone-first layout, profiles, lists, double-tap and titles (issue 11)', () => {
  const suite = browserSuite();
  let grace: Account;
  let fan: Account;
  const posts: string[] = [];

  beforeAll(async () => {
    grace = await signUp(suite.t, { firstName: 'Grace', lastName: 'Hopper' });
    fan = await signUp(suite.t, { firstName: 'Fan' });
    for (let i = 1; i <= 4; i += 1) {
      posts.push((await publish(suite.t, grace.agent, { caption: `Grace ${i}` })).id);
    }
    await fan.agent.put(`/api/users/${grace.username}/follow`).expect(204);
  });

  const signedIn = (account: Account, viewport = PHONE, touch = false) =>
    suite.signedIn(account, { viewport, hasTouch: touch });

  it('on a phone, a bottom tab bar leads to Home, Explore, New post and Profile', async () => {
    const page = await signedIn(fan);
    const errors = watchErrors(page);
    const tabs = page.getByRole('navigation', { name: 'Tabs' });
    await tabs.waitFor();
    const box = (await tabs.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(PHONE.height, 0);
    expect(box.width).toBe(PHONE.width);
    // The header stays compact: its own links are hidden at this width.
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByText('Explore').isVisible(),
    ).toBe(false);
    await screenshot(page, 'tabs-home-phone');

    await tabs.getByRole('link', { name: 'Explore' }).click();
    await page.waitForURL('**/explore');
    // The page sets its title once it has rendered, a moment after the URL changes.
    await page.waitForFunction((title) => document.title === title, 'Explore · Freeb');
    await tabs.getByRole('link', { name: 'New post' }).click();
    await page.getByRole('heading', { name: 'New post' }).waitFor();
    await tabs.getByRole('link', { name: 'Profile' }).click();
    await page.waitForURL(`**/u/${fan.username}`);
    await tabs.getByRole('link', { name: 'Home' }).click();
    await page
      .getByRole('article', { name: `Post by ${grace.username}` })
      .first()
      .waitFor();
    expect(await tabs.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(errors).toEqual([]);
  });

  it('on a desktop, one centred column of posts and no tab bar', async () => {
    const page = await signedIn(fan, DESKTOP);
    await page.getByRole('article').first().waitFor();
    await imagesLoaded(page);
    expect(await page.getByRole('navigation', { name: 'Tabs' }).isVisible()).toBe(false);
    const cards = await page
      .getByRole('article')
      .evaluateAll((articles) =>
        articles.map((article) => article.getBoundingClientRect().toJSON() as DOMRect),
      );
    expect(cards.length).toBe(4);
    for (const card of cards) {
      expect(card.width).toBeLessThanOrEqual(614);
      expect(card.x + card.width / 2).toBeCloseTo(DESKTOP.width / 2, -1);
      expect(card.x).toBe(cards[0].x);
    }
    await screenshot(page, 'home-desktop');
  });

  it('a profile is a grid of square thumbnails with counts that open lists', async () => {
    const page = await signedIn(fan);
    await page.goto(`/u/${grace.username}`);
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    expect(await page.title()).toBe(`Grace Hopper (@${grace.username}) · Freeb`);
    const tiles = page.locator('.tiles a');
    await tiles.nth(3).waitFor();
    await imagesLoaded(page);
    const boxes = await tiles.evaluateAll((links) =>
      links.map((link) => link.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(boxes).toHaveLength(4);
    for (const box of boxes) expect(box.width).toBeCloseTo(box.height, 0);
    expect(boxes[0].y).toBe(boxes[2].y); // three to a row
    expect(boxes[3].y).toBeGreaterThan(boxes[0].y);
    await page.getByText('4 posts').waitFor();
    await screenshot(page, 'profile-grid-phone');

    await page.getByRole('link', { name: '1 follower' }).click();
    await page.waitForURL(`**/u/${grace.username}/followers`);
    await page.getByRole('heading', { name: `Followers of @${grace.username}` }).waitFor();
    await page.getByRole('link', { name: new RegExp(fan.username) }).click();
    await page.waitForURL(`**/u/${fan.username}`);
    await page.getByRole('link', { name: '1 following' }).click();
    await page.getByRole('link', { name: new RegExp(grace.username) }).waitFor();

    // A tile opens its post.
    await page.goto(`/u/${grace.username}`);
    await tiles.first().click();
    await page.waitForURL(`**/p/${posts[3]}`);
    await page.getByText('Grace 4').waitFor();
    expect(await page.title()).toBe(`Photo by @${grace.username} · Freeb`);
  });

  it('double-tapping a photo likes it, with a heart; the Like button stays', async () => {
    const page = await signedIn(fan, PHONE, true);
    await page.goto(`/p/${posts[0]}`);
    const photo = page.getByTestId('photo');
    await photo.waitFor();
    await photo.tap();
    await photo.tap();
    await page.locator('.burst').waitFor();
    const like = page.getByRole('button', { name: /Liked/ });
    expect(await like.getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('1 likes').waitFor();
    await screenshot(page, 'double-tap-phone');
    // A second double tap never unlikes.
    await photo.tap();
    await photo.tap();
    await page.getByLabel('1 likes').waitFor();
    await expectLiked(fan, posts[0], true);

    // With a mouse: a double click, in a feed card.
    const desktop = await signedIn(fan, DESKTOP);
    const card = desktop.getByRole('article').filter({ hasText: 'Grace 2' });
    await card.getByTestId('photo').dblclick();
    await card.getByLabel('1 likes').waitFor();
    await expectLiked(fan, posts[1], true);
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)(
    'the like count opens who liked the post, newest first (%s)',
    async (_device, viewport) => {
      const post = (await publish(suite.t, grace.agent, { caption: `Liked ${_device}` })).id;
      const other = await signUp(suite.t, { firstName: 'Other' });
      await fan.agent.put(`/api/posts/${post}/like`).expect(204);
      await other.agent.put(`/api/posts/${post}/like`).expect(204);
      const page = await signedIn(grace, viewport);
      const errors = watchErrors(page);
      await page.goto(`/p/${post}`);
      await page.getByRole('link', { name: '2 likes' }).click();
      await page.waitForURL(`**/p/${post}/likes`);
      await page.getByRole('heading', { name: 'Liked by' }).waitFor();
      expect(await page.title()).toBe('Liked by · Freeb');
      const people = page.locator('.people a');
      await people.nth(1).waitFor();
      expect(await people.allTextContents()).toEqual([
        expect.stringContaining(other.username),
        expect.stringContaining(fan.username),
      ]);
      await page.getByRole('link', { name: '← Post' }).click();
      await page.waitForURL(`**/p/${post}`);
      await page.getByRole('link', { name: '2 likes' }).waitFor();
      expect(errors).toEqual([]);
    },
  );

  async function expectLiked(account: Account, postId: string, liked: boolean) {
    const res = await account.agent.get(`/api/posts/${postId}`).expect(200);
    expect(res.body.viewer).toEqual({ liked });
    expect((await request(suite.t.server).get(`/api/posts/${postId}`)).body.likeCount).toBe(1);
  }
});
