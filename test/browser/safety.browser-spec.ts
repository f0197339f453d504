import { signUp } from '../harness/client';
import { publish } from '../harness/storage';
import { accessibilityProblems, screenshot, watchErrors } from './browser';
import { browserSuite, DESKTOP, PHONE } from './suite';

describe('Blocks, mutes, private accounts and follow requests in the browser (issue 13)', () => {
  const suite = browserSuite({ JOBS_POLL_INTERVAL_MS: '100' });

  it('a private account: the switch, the locked profile, "Requested", and Accept/Decline', async () => {
    const alice = await signUp(suite.t, { firstName: 'Alice' });
    const bob = await signUp(suite.t, { firstName: 'Bob' });
    const carol = await signUp(suite.t, { firstName: 'Carol' });
    await publish(suite.t, alice.agent, { caption: 'For my followers' });

    const phone = await suite.signedIn(alice, { viewport: PHONE });
    const errors = watchErrors(phone);
    await phone.goto('/settings');
    const toggle = phone.getByRole('switch', { name: 'Private account' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await phone.getByText('Your account is private: new followers need your approval.').waitFor();
    expect((await alice.agent.get('/api/auth/me').expect(200)).body.private).toBe(true);

    // Bob sees the locked profile and asks to follow.
    const desk = await suite.signedIn(bob, { viewport: DESKTOP });
    await desk.goto(`/u/${alice.username}`);
    await desk.getByRole('heading', { name: 'This account is private' }).waitFor();
    expect(await desk.locator('.tiles').count()).toBe(0);
    expect(await desk.getByRole('link', { name: /follower/ }).count()).toBe(0);
    await desk.getByRole('button', { name: 'Follow' }).click();
    const requested = desk.getByRole('button', { name: 'Requested' });
    await requested.waitFor();
    expect(await requested.getAttribute('aria-pressed')).toBe('true');
    await desk.getByText(`Your request is waiting for @${alice.username} to accept it.`).waitFor();
    expect(await accessibilityProblems(desk)).toEqual([]);
    await screenshot(desk, 'private-profile-desktop');
    await carol.agent.put(`/api/users/${alice.username}/follow`).expect(202);

    // Alice learns of it in her inbox and answers on the follow-requests page.
    await phone.goto('/notifications');
    await phone
      .getByRole('link', { name: new RegExp(`${bob.username} asked to follow you`) })
      .click();
    await phone.waitForURL('**/follow-requests');
    await phone.getByRole('heading', { name: 'Follow requests' }).waitFor();
    await phone.getByRole('button', { name: `Accept ${bob.username}` }).click();
    await phone.getByText('Accepted').waitFor();
    await phone.getByRole('button', { name: `Decline ${carol.username}` }).click();
    await phone.getByText('Declined').waitFor();
    expect(await accessibilityProblems(phone)).toEqual([]);
    await screenshot(phone, 'follow-requests-phone');

    // Bob now follows her and sees her photos; Carol is back to nothing, free to ask again.
    await desk.reload();
    await desk.getByRole('button', { name: 'Unfollow' }).waitFor();
    await desk.locator('.tiles a').first().waitFor();
    const carolView = await carol.agent.get(`/api/users/${alice.username}`).expect(200);
    expect(carolView.body.viewer).toMatchObject({ following: false, requested: false });
    expect(errors).toEqual([]);
  });

  it('blocking from a profile asks first, hides each from the other, and can be undone', async () => {
    const bob = await signUp(suite.t, { firstName: 'Bob' });
    const dave = await signUp(suite.t, { firstName: 'Dave' });
    await publish(suite.t, dave.agent, { caption: 'Dave was here' });
    await bob.agent.put(`/api/users/${dave.username}/follow`).expect(204);
    await dave.agent.put(`/api/users/${bob.username}/follow`).expect(204);

    const page = await suite.signedIn(bob, { viewport: PHONE });
    const errors = watchErrors(page);
    await page.goto(`/u/${dave.username}`);
    await page.getByText('Follows you').waitFor();
    await page.getByRole('button', { name: `More options for @${dave.username}` }).click();
    await page.getByRole('button', { name: `Block @${dave.username}` }).click();
    const dialog = page.getByRole('dialog', { name: `Block @${dave.username}?` });
    await dialog.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `You blocked @${dave.username}.` })
      .waitFor();
    await page.getByRole('heading', { name: `You blocked @${dave.username}` }).waitFor();
    expect(await page.locator('.tiles').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Follow/ }).count()).toBe(0);
    await screenshot(page, 'blocked-profile-phone');

    // The API agrees: Dave cannot see Bob; the follows are gone both ways.
    await dave.agent.get(`/api/users/${bob.username}`).expect(404);
    const seen = await bob.agent.get(`/api/users/${dave.username}`).expect(200);
    expect(seen.body.viewer).toMatchObject({ blocking: true, following: false, followedBy: false });

    await page.getByRole('button', { name: `More options for @${dave.username}` }).click();
    await page.getByRole('button', { name: `Unblock @${dave.username}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `You unblocked @${dave.username}.` })
      .waitFor();
    await page.locator('.tiles a').first().waitFor();
    await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
    await dave.agent.get(`/api/users/${bob.username}`).expect(200);
    expect(errors).toEqual([]);
  });

  it('muting from a post in the feed takes their posts out of it; Settings unmutes', async () => {
    const bob = await signUp(suite.t, { firstName: 'Bob' });
    const erin = await signUp(suite.t, { firstName: 'Erin' });
    await bob.agent.put(`/api/users/${erin.username}/follow`).expect(204);
    await publish(suite.t, erin.agent, { caption: 'Erin posts a lot' });

    const page = await suite.signedIn(bob, { viewport: DESKTOP });
    const card = page.getByRole('article', { name: `Post by ${erin.username}` });
    await card.waitFor();
    await card
      .getByRole('button', { name: `More options for the post by @${erin.username}` })
      .click();
    await card.getByRole('button', { name: `Mute @${erin.username}` }).click();
    await card
      .getByRole('status')
      .filter({ hasText: `You muted @${erin.username}.` })
      .waitFor();
    await page.reload();
    await page.getByText(/Your feed is empty/).waitFor();
    expect(await card.count()).toBe(0);

    await page.goto('/settings');
    const muted = page.getByRole('region', { name: 'Muted accounts' });
    await muted.getByRole('button', { name: `Unmute ${erin.username}` }).click();
    await muted.getByText('Unmuted').waitFor();
    expect((await bob.agent.get('/api/users/me/mutes').expect(200)).body.items).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
