import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { SessionProvider } from '../src/session';

type Handler = (
  url: string,
  init?: RequestInit,
) => { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * Replaces fetch with a function of the request (its path and query, and method and body),
 * answering JSON like the API does.
 */
export function fakeApi(handler: Handler) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const sent = await request.text();
    const {
      status,
      body,
      headers = {},
    } = handler(url.pathname + url.search, {
      method: request.method,
      body: sent || undefined,
    });
    const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(status === 204 || body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': contentType, ...headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function renderApp(ui: ReactNode, path = '/') {
  return render(
    <SessionProvider>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </SessionProvider>,
  );
}

export const me = {
  id: 'u1',
  username: 'ada',
  firstName: null,
  lastName: null,
  avatarUrl: null,
  bio: null,
  createdAt: '2026-11-24T20:00:00.000Z',
  counts: { posts: 0, followers: 0, following: 0 },
  viewer: null,
  email: 'ada@example.com',
};

const photo = {
  id: 'm1',
  status: 'ready' as const,
  url: '/img/p1.jpg',
  width: 1200,
  height: 800,
  altText: 'A red boat',
  placeholder: null,
  color: null,
  variants: [],
};

export const post = {
  id: 'p1',
  author: { id: 'u2', username: 'bob', firstName: 'Bob', lastName: null, avatarUrl: null },
  status: 'published' as const,
  media: [photo],
  image: photo,
  caption: 'At sea',
  tags: [] as string[],
  mentions: [] as string[],
  createdAt: '2026-11-24T20:00:00.000Z',
  likeCount: 3,
  commentCount: 1,
  viewer: { liked: false },
};
