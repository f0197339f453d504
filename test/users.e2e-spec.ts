import { startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp } from './harness/client';

describe('Profiles (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows a public profile to anyone, without the email', async () => {
    const account = await signUp(t, { firstName: 'Grace', lastName: 'Hopper' });
    const res = await client(t).get(`/api/users/${account.username.toUpperCase()}`).expect(200);
    expect(res.body).toEqual({
      id: account.id,
      username: account.username,
      firstName: 'Grace',
      lastName: 'Hopper',
      bio: null,
      avatarUrl: null,
      createdAt: expect.any(String),
      counts: { posts: 0, followers: 0, following: 0 },
      private: false,
      viewer: null,
    });
    expect(JSON.stringify(res.body)).not.toContain(account.email);
  });

  it('answers 404 problems for a missing user', async () => {
    const res = await client(t).get('/api/users/nobody_at_all').expect(404);
    expectProblem(res.body, 404);
  });

  it('updates names and bio, leaves out fields alone and clears with an empty string', async () => {
    const account = await signUp(t, { firstName: 'Ada' });
    const updated = await account.agent
      .patch('/api/users/me')
      .send({ lastName: 'Lovelace', bio: '  Analytical engines.  ' })
      .expect(200);
    expect(updated.body).toEqual(
      expect.objectContaining({
        firstName: 'Ada',
        lastName: 'Lovelace',
        bio: 'Analytical engines.',
        email: account.email,
      }),
    );

    const cleared = await account.agent.patch('/api/users/me').send({ firstName: '' }).expect(200);
    expect(cleared.body.firstName).toBeNull();
    expect(cleared.body.lastName).toBe('Lovelace');

    const profile = await client(t).get(`/api/users/${account.username}`).expect(200);
    expect(profile.body).toEqual(
      expect.objectContaining({
        firstName: null,
        lastName: 'Lovelace',
        bio: 'Analytical engines.',
      }),
    );
  });

  it('refuses invalid profile changes and changes nothing', async () => {
    const account = await signUp(t, { firstName: 'Ada' });
    for (const body of [
      { bio: 'x'.repeat(501) },
      { firstName: 'x'.repeat(51) },
      { username: 'renamed' },
      { bio: 7 },
    ]) {
      const res = await account.agent.patch('/api/users/me').send(body).expect(400);
      expectProblem(res.body, 400);
    }
    const me = await account.agent.get('/api/auth/me').expect(200);
    expect(me.body).toEqual(
      expect.objectContaining({ firstName: 'Ada', bio: null, username: account.username }),
    );
  });

  it('needs a session to change a profile', async () => {
    const res = await client(t).patch('/api/users/me').send({ bio: 'hello' }).expect(401);
    expectProblem(res.body, 401);
  });
});
