import request from 'supertest';
import { signUp, type Account } from '../harness/client';
import { publish } from '../harness/storage';
import { screenshot, watchErrors } from './browser';
import { browserSuite, DESKTOP, PHONE } from './suite';

describe('Bugs of the web client that lost data or misled (issue 11)', () => {
  const suite = browserSuite();
  const newPage = (viewport = DESKTOP) => suite.newPage({ viewport });
  const signedIn = (account: Account, viewport = DESKTOP) => suite.signedIn(account, { viewport });

  it('settings opened by URL shows the profile, and saving it keeps it', async () => {
    const grace = await signUp(suite.t, { firstName: 'Grace', lastName: 'Hopper' });
    await grace.agent.patch('/api/users/me').send({ bio: 'Compilers.' }).expect(200);
    const page = await signedIn(grace);
    const errors = watchErrors(page);

    await page.goto('/settings'); // a full load: the session is fetched again
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('First name').inputValue()).toBe('Grace');
    expect(await page.getByLabel('Last name').inputValue()).toBe('Hopper');
    expect(await page.getByLabel('Bio').inputValue()).toBe('Compilers.');
    await page.getByLabel('Bio').fill('Compilers, mostly.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();

    const profile = await request(suite.t.server).get(`/api/users/${grace.username}`).expect(200);
    expect(profile.body).toMatchObject({
      firstName: 'Grace',
      lastName: 'Hopper',
      bio: 'Compilers, mostly.',
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('First name').inputValue()).toBe('Grace');
    expect(errors).toEqual([]);
  });

  it('a 503 reads as "Freeb is unavailable" with a Retry, and not found only on a 404', async () => {
    const author = await signUp(suite.t);
    const post = await publish(suite.t, author.agent, { caption: 'Still here' });
    const page = await newPage(PHONE);
    const unavailable = {
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:freeb:problem:unavailable',
        title: 'Service Unavailable',
        status: 503,
        detail: 'The database is unavailable right now; try again shortly.',
      }),
    };

    await page.route(`**/api/posts/${post.id}`, (route) => route.fulfill(unavailable));
    await page.goto(`/p/${post.id}`);
    await page.getByRole('heading', { name: 'Freeb is unavailable right now' }).waitFor();
    expect(await page.getByText(/not found/i).count()).toBe(0);
    await screenshot(page, 'unavailable-phone');
    await page.unroute(`**/api/posts/${post.id}`);
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('Still here').waitFor();

    // A network failure is the same: Freeb is unreachable, not the profile missing.
    await page.route(`**/api/users/${author.username}`, (route) => route.abort());
    await page.goto(`/u/${author.username}`);
    await page.getByRole('heading', { name: 'Freeb is unavailable right now' }).waitFor();
    await page.unroute(`**/api/users/${author.username}`);
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByText(`@${author.username}`).waitFor();

    // A real 404 is "not found", with no Retry.
    await page.goto('/p/01890000-0000-7000-8000-000000000000');
    await page.getByRole('heading', { name: 'Post not found' }).waitFor();
    await page.goto('/u/nobody_at_all');
    await page.getByRole('heading', { name: 'User not found' }).waitFor();
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
  });

  it('Back from the 6th post returns to the same place in the feed, without reloading it', async () => {
    const author = await signUp(suite.t);
    for (let i = 1; i <= 10; i += 1)
      await publish(suite.t, author.agent, { caption: `Photo ${i}` });
    const page = await newPage(PHONE);
    const feedLoads: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/api/posts') feedLoads.push(req.url());
    });
    await page.goto('/'); // signed out: the public feed
    const sixth = page.getByRole('article').nth(5);
    await sixth.waitFor();
    await sixth.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 40));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(1000);
    const caption = (await sixth.locator('.caption').textContent()) ?? '';
    await sixth.getByRole('link', { name: 'Open post' }).click();
    await page.waitForURL('**/p/*');
    await page.getByRole('heading', { name: 'Comments' }).waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0); // a new page starts at its top
    const loadsBefore = feedLoads.length;

    await page.goBack();
    await page.waitForURL(`${suite.origin}/`);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, before);
    expect(await page.getByRole('article').nth(5).locator('.caption').textContent()).toBe(caption);
    expect(feedLoads.length).toBe(loadsBefore);
  });

  it('shows where the keyboard focus is on "Choose a photo"', async () => {
    const page = await signedIn(await signUp(suite.t));
    await page.goto('/new');
    await page.getByRole('heading', { name: 'New post' }).waitFor();
    await page.getByText(/up to 20 MB/).waitFor();
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'photo')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('photo');
    const outline = await page
      .locator('label[for=photo]')
      .evaluate((label) => getComputedStyle(label).outlineStyle);
    expect(outline).not.toBe('none');
    await screenshot(page, 'focus-choose-photo');
  });

  it('a session revoked elsewhere leads to sign-in, then back to where it was', async () => {
    const ada = await signUp(suite.t);
    const post = await publish(suite.t, ada.agent, { caption: 'Revocation' });
    const page = await signedIn(ada, PHONE);
    await page.goto(`/p/${post.id}`);
    await page.getByText('Revocation').waitFor();

    // The password is changed from another device: this browser's session is revoked.
    const newPassword = `${ada.password} changed`;
    await ada.agent
      .put('/api/auth/password')
      .send({ currentPassword: ada.password, newPassword })
      .expect(204);
    await page.getByRole('button', { name: /Like/ }).click();

    await page.waitForURL('**/login?next=*');
    await page.getByText('Your session has ended. Log in again to continue.').waitFor();
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(0);
    await page.getByLabel('Email or username').fill(ada.username);
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`**/p/${post.id}`);
    await page.getByText('Revocation').waitFor();
  });

  it('a wrong current password is said once, in words; deleting the account says so', async () => {
    const lin = await signUp(suite.t);
    const page = await signedIn(lin);
    await page.goto('/settings');
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Current password is not correct').waitFor();
    const passwordSection = page.getByRole('region', { name: 'Change password' });
    expect(await passwordSection.getByRole('alert').count()).toBe(1);
    expect(await page.getByText('currentPassword').count()).toBe(0);

    await page.getByLabel('Password to confirm').fill(lin.password);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(`${suite.origin}/`);
    await page.getByRole('status').filter({ hasText: 'Your account has been deleted.' }).waitFor();
    await page.getByRole('link', { name: 'Log in' }).first().waitFor();
  });
});
