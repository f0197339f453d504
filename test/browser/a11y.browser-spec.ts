import type { Page } from 'playwright-core';
import { signUp } from '../harness/client';
import { publish } from '../harness/storage';
import { accessibilityProblems } from './browser';
import { browserSuite } from './suite';

describe('Accessibility of the main pages (axe-core)', () => {
  const suite = browserSuite();
  let page: Page;
  let postId: string;
  let username: string;

  beforeAll(async () => {
    const author = await signUp(suite.t, { firstName: 'Grace' });
    username = author.username;
    const follower = await signUp(suite.t);
    await follower.agent.put(`/api/users/${author.username}/follow`).expect(204);
    postId = (
      await publish(suite.t, author.agent, {
        caption: 'A test card #test',
        altText: 'A red square',
      })
    ).id;
    // Signed in, so the pages show their full set of controls (and a notification).
    page = await suite.signedIn(author);
  });

  const pages: Array<[string, () => string, string]> = [
    ['home', () => '/', 'Home'],
    ['explore', () => '/explore', 'Explore'],
    ['post', () => `/p/${postId}`, 'Comments'],
    ['new post', () => '/new', 'New post'],
    ['settings', () => '/settings', 'Settings'],
    ['profile', () => `/u/${username}`, 'Grace'],
    ['followers', () => `/u/${username}/followers`, 'Followers of'],
    ['following', () => `/u/${username}/following`, 'Followed by'],
    ['tag', () => '/tags/test', '#test'],
    ['liked by', () => `/p/${postId}/likes`, 'Liked by'],
    ['notifications', () => '/notifications', 'Notifications'],
    ['not found', () => '/p/01890000-0000-7000-8000-000000000000', 'Post not found'],
  ];
  it.each(
    pages.flatMap(([name, path, heading]) => [
      [name, 'desktop', 1280, 900, path, heading] as const,
      [name, 'phone', 390, 844, path, heading] as const,
    ]),
  )(
    'has no serious accessibility problems on the %s page (%s)',
    async (_name, _device, width, height, path, heading) => {
      await page.setViewportSize({ width, height });
      await page.goto(path());
      await page.getByRole('heading', { name: heading }).first().waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
    },
  );

  it('would catch an unlabelled input (the check itself works)', async () => {
    const scratch = await suite.browser.newPage();
    await scratch.setContent(
      '<html lang="en"><head><title>x</title></head><body><main><input type="text"></main></body></html>',
    );
    expect((await accessibilityProblems(scratch)).join('\n')).toMatch(/^label:/m);
    await scratch.close();
  });

  it('has none on the sign-up and login pages either', async () => {
    const anonymous = await suite.browser.newPage({ baseURL: page.url() });
    for (const path of ['/signup', '/login']) {
      await anonymous.goto(new URL(path, page.url()).toString());
      await anonymous.getByRole('button').last().waitFor();
      expect(await accessibilityProblems(anonymous)).toEqual([]);
    }
    await anonymous.close();
  });
});
