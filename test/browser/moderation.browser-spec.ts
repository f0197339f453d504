import request from 'supertest';
import { signUp, type Account } from '../harness/client';
import { publish } from '../harness/storage';
import { accessibilityProblems, screenshot, watchErrors } from './browser';
import { browserSuite, DESKTOP, PHONE } from './suite';

describe('Reporting and moderating in the browser (issue 13)', () => {
  const suite = browserSuite();
  let admin: Account;
  let reporter: Account;
  let author: Account;

  beforeAll(async () => {
    admin = await signUp(suite.t); // the first account of an instance is its admin
    reporter = await signUp(suite.t, { firstName: 'Rita' });
    author = await signUp(suite.t, { firstName: 'Sam' });
  });

  it('a post reported from a phone is removed by a moderator on a desktop, with a note', async () => {
    const post = await publish(suite.t, author.agent, { caption: 'Buy cheap followers now' });
    const phone = await suite.signedIn(reporter, { viewport: PHONE });
    const errors = watchErrors(phone);
    await phone.goto(`/p/${post.id}`);
    await phone.getByText('Buy cheap followers now').waitFor();
    const more = phone.getByRole('button', {
      name: `More options for the post by @${author.username}`,
    });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await phone.getByRole('button', { name: 'Report' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Report this post' });
    await dialog.waitFor();
    // No reason chosen yet: said, nothing sent.
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Choose a reason.' }).waitFor();
    await dialog.getByRole('radio', { name: 'Spam' }).check();
    await dialog.getByLabel('Details for the moderators (optional)').fill('Posts this every hour.');
    expect(await accessibilityProblems(phone)).toEqual([]);
    await screenshot(phone, 'report-phone');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Thank you. A moderator will look at it.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);

    // The moderator finds it in the queue from the header, with the post's preview.
    const desk = await suite.signedIn(admin, { viewport: DESKTOP });
    await desk
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Moderation' })
      .click();
    await desk.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
    const report = desk.getByRole('article', { name: 'Spam: a post' });
    await report.waitFor();
    await report.getByText('Buy cheap followers now').waitFor();
    await report.getByText('“Posts this every hour.”').waitFor();
    expect(await accessibilityProblems(desk)).toEqual([]);
    await screenshot(desk, 'moderation-desktop');
    await report.getByLabel('Note for the audit log (optional)').fill('Spam, removed.');
    await report.getByRole('button', { name: 'Remove post' }).click();
    await report.getByRole('status').filter({ hasText: 'Removed — Spam, removed.' }).waitFor();

    // Gone for everyone; the audit log has the moderator's note; it is under Resolved.
    await request(suite.t.server).get(`/api/posts/${post.id}`).expect(404);
    const actions = await admin.agent.get('/api/moderation/actions').expect(200);
    expect(actions.body.items[0]).toMatchObject({
      action: 'remove',
      subject: { type: 'post', id: post.id },
      note: 'Spam, removed.',
      moderator: { username: admin.username },
    });
    await desk.getByRole('link', { name: 'Resolved' }).click();
    await desk
      .getByRole('article', { name: 'Spam: a post' })
      .getByRole('status')
      .filter({ hasText: 'Removed — Spam, removed.' })
      .waitFor();
    // Back to the queue as it was loaded: the report shows what was done, not the actions again.
    await desk.goBack();
    const again = desk.getByRole('article', { name: 'Spam: a post' });
    await again.getByRole('status').filter({ hasText: 'Removed — Spam, removed.' }).waitFor();
    expect(await again.getByRole('button', { name: 'Remove post' }).count()).toBe(0);
    // Loaded afresh, the open queue is empty.
    await desk.reload();
    await desk.getByText('No open reports. All clear.').waitFor();
  });

  it('comments and profiles have the menu too; a person sees none on their own things', async () => {
    const post = await publish(suite.t, author.agent, { caption: 'Ordinary photo' });
    await reporter.agent
      .post(`/api/posts/${post.id}/comments`)
      .send({ body: 'You are all losers' })
      .expect(201);
    const page = await suite.signedIn(author, { viewport: PHONE });
    await page.goto(`/p/${post.id}`);
    await page.getByText('You are all losers').waitFor();
    expect(await page.getByRole('button', { name: /^More options for the post/ }).count()).toBe(0);
    await page
      .getByRole('button', { name: `More options for the comment by @${reporter.username}` })
      .click();
    await page.getByRole('button', { name: 'Report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this comment' });
    await dialog.getByRole('radio', { name: 'Harassment or bullying' }).check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Thank you. A moderator will look at it.').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(`/u/${reporter.username}`);
    await page.getByRole('button', { name: `More options for @${reporter.username}` }).click();
    // Escape closes the menu and gives the focus back.
    await page.keyboard.press('Escape');
    expect(
      await page
        .getByRole('button', { name: `More options for @${reporter.username}` })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);

    const queue = await admin.agent.get('/api/moderation/reports?status=open').expect(200);
    expect(queue.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reason: 'harassment',
          subject: expect.objectContaining({ type: 'comment' }),
        }),
      ]),
    );
  });

  it('the moderation page says it is for moderators to anyone else', async () => {
    const page = await suite.signedIn(reporter, { viewport: PHONE });
    await page.goto('/moderation');
    await page.getByText('This page is for moderators.').waitFor();
    expect(await page.getByRole('link', { name: 'Moderation' }).count()).toBe(0);
  });
});
