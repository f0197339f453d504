import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, describeError } from '../src/api';
import { fakeApi } from './helpers';

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('turns a problem-details answer into an ApiError with its field errors', async () => {
    fakeApi(() => ({
      status: 409,
      body: {
        type: 'urn:freeb:problem:conflict',
        title: 'Conflict',
        status: 409,
        detail: 'That username is already in use.',
        errors: [{ field: 'username', message: 'username is already taken' }],
      },
    }));
    const error = await api
      .signup({ username: 'ada', email: 'a@b.c', password: 'long enough' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).fieldMessage('username')).toBe('username is already taken');
    expect((error as ApiError).fieldMessage('email')).toBeUndefined();
  });

  it('tells how long to wait when throttled', async () => {
    fakeApi(() => ({
      status: 429,
      body: {
        type: 'urn:freeb:problem:too-many-requests',
        title: 'Too Many Requests',
        status: 429,
        detail: 'Too many attempts.',
      },
      headers: { 'Retry-After': '840' },
    }));
    const error = await api.login('ada', 'x').catch((e: unknown) => e);
    expect(describeError(error)).toBe('Too many attempts. Try again in 14 minutes.');
  });

  it('says so when the network is down', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await api.publicFeed().catch((e: unknown) => e);
    expect(describeError(error)).toMatch(/Could not reach Freeb/);
  });

  it('sends cursors and JSON bodies as the API expects', async () => {
    const fetchMock = fakeApi(() => ({ status: 200, body: { items: [], nextCursor: null } }));
    await api.userPosts('ada.l', 'abc');
    const sent = fetchMock.mock.calls[0][0] as Request;
    expect(new URL(sent.url).pathname + new URL(sent.url).search).toBe(
      '/api/users/ada.l/posts?cursor=abc',
    );
    expect(sent.credentials).toBe('same-origin');
    fakeApi(() => ({ status: 204 }));
    await expect(api.like('p1')).resolves.toBeUndefined();
  });
});
