import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../harness/app';
import { signUp } from '../harness/client';
import { publish } from '../harness/storage';
import { accessibilityProblems, launchBrowser } from './browser';

describe('Accessibility of the main pages (axe-core)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let postId: string;

  beforeAll(async () => {
    t = await startApp();
    const origin = `http://127.0.0.1:${(t.server.address() as { port: number }).port}`;
    const author = await signUp(t, { firstName: 'Grace' });
    postId = (await publish(t, author.agent, { caption: 'A test card', altText: 'A red square' }))
      .id;
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: origin });
    page = await context.newPage();
    // Signed in, so the pages show their full set of controls.
    await page.goto('/login');
    await page.getByLabel('Email or username').fill(author.username);
    await page.getByLabel('Password').fill(author.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${origin}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([
    ['home', '/', 'Home'],
    ['explore', '/explore', 'Explore'],
    ['post', () => `/p/${postId}`, 'Comments'],
    ['new post', '/new', 'New post'],
    ['settings', '/settings', 'Settings'],
  ])('has no serious accessibility problems on the %s page', async (_name, path, heading) => {
    await page.goto(typeof path === 'function' ? path() : path);
    await page.getByRole('heading', { name: heading }).first().waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('would catch an unlabelled input (the check itself works)', async () => {
    const scratch = await browser.newPage();
    await scratch.setContent(
      '<html lang="en"><head><title>x</title></head><body><main><input type="text"></main></body></html>',
    );
    expect((await accessibilityProblems(scratch)).join('\n')).toMatch(/^label:/m);
    await scratch.close();
  });

  it('has none on the sign-up and login pages either', async () => {
    const anonymous = await browser.newPage({ baseURL: page.url() });
    for (const path of ['/signup', '/login']) {
      await anonymous.goto(new URL(path, page.url()).toString());
      await anonymous.getByRole('button').last().waitFor();
      expect(await accessibilityProblems(anonymous)).toEqual([]);
    }
    await anonymous.close();
  });
});
