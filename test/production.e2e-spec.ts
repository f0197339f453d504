import { startApp, type TestApp } from './harness/app';
import { client, newAccountFields } from './harness/client';
import { publish } from './harness/storage';

describe('Production settings (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-production-secret-of-forty-characters!',
      PUBLIC_IMAGE_BASE_URL: 'https://cdn.example.com/freeb',
      // Production expects the sessions table to exist; the test's fresh table is made here.
      DYNAMODB_CREATE_TABLE: 'true',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('sets Secure session cookies behind a TLS-terminating proxy', async () => {
    const agent = client(t).set('X-Forwarded-Proto', 'https');
    const res = await agent.post('/api/auth/signup').send(newAccountFields()).expect(201);
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
  });

  it('serves image URLs from PUBLIC_IMAGE_BASE_URL', async () => {
    const agent = client(t).set('X-Forwarded-Proto', 'https');
    const signup = await agent.post('/api/auth/signup').send(newAccountFields()).expect(201);
    // A cookie jar rightly keeps a Secure cookie off plain http; the proxy would carry it here.
    agent.set('Cookie', (signup.headers['set-cookie'] as unknown as string[])[0].split(';')[0]);
    const post = await publish(t, agent);
    expect(post.image.url).toMatch(
      /^https:\/\/cdn\.example\.com\/freeb\/users\/[0-9a-f-]{36}\/variants\/[0-9a-f-]{36}\/3\.webp$/,
    );
  });

  it('lets the browser reach the CDN for images under the Content-Security-Policy', async () => {
    const res = await client(t).get('/health');
    expect(res.headers['content-security-policy']).toMatch(
      /img-src 'self' data: blob: https:\/\/cdn\.example\.com/,
    );
  });
});
