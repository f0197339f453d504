import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Page, Post } from '../src/api';
import { InfiniteFeed } from '../src/components/InfiniteFeed';
import { LikeButton } from '../src/components/LikeButton';
import { PostImage } from '../src/components/PostImage';
import { SignupPage } from '../src/pages/AuthPages';
import { fakeApi, me, post, renderApp } from './helpers';

afterEach(() => vi.unstubAllGlobals());

describe('PostImage', () => {
  it('reserves the real aspect ratio and carries the alt text', () => {
    render(<PostImage post={post as Post} />);
    const img = screen.getByAltText('A red boat');
    expect(img).toHaveAttribute('width', '1200');
    expect(img).toHaveAttribute('height', '800');
    expect(img.parentElement).toHaveStyle({ aspectRatio: '1200 / 800' });
  });

  it('describes an image without alt text by its author and caption', () => {
    const photo = { ...post.image, altText: null };
    render(<PostImage post={{ ...post, media: [photo], image: photo } as Post} />);
    expect(screen.getByAltText('Photo by bob: At sea')).toBeInTheDocument();
  });
});

describe('LikeButton', () => {
  it('likes at once, and goes back with the reason when the API refuses', async () => {
    let likeStatus = 204;
    fakeApi((url, init) => {
      if (url === '/api/auth/me') return { status: 200, body: me };
      if (url.endsWith('/like') && init?.method === 'PUT') {
        return likeStatus === 204
          ? { status: 204 }
          : {
              status: 503,
              body: {
                type: 'x',
                title: 'Service Unavailable',
                status: 503,
                detail: 'The database is unavailable right now; try again shortly.',
              },
            };
      }
      return { status: 204 };
    });
    renderApp(<LikeButton post={post as Post} />);
    await waitFor(() => expect(screen.getByRole('button', { name: /Like/ })).toBeInTheDocument());
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));

    await userEvent.click(screen.getByRole('button', { name: /Like/ }));
    expect(screen.getByRole('button', { name: /Liked/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('4 likes')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Liked/ }));
    expect(screen.getByLabelText('3 likes')).toBeInTheDocument();

    likeStatus = 503;
    await userEvent.click(screen.getByRole('button', { name: /Like/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The database is unavailable right now',
    );
    expect(screen.getByLabelText('3 likes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Like/ })).toHaveAttribute('aria-pressed', 'false');
  });
});

describe('SignupPage', () => {
  it('shows each field’s error from the API next to its input', async () => {
    fakeApi((url) =>
      url === '/api/auth/me'
        ? {
            status: 401,
            body: { type: 'x', title: 'Unauthorized', status: 401, detail: 'Sign in to do this.' },
          }
        : {
            status: 409,
            body: {
              type: 'urn:freeb:problem:conflict',
              title: 'Conflict',
              status: 409,
              detail: 'That username and email are already in use.',
              errors: [
                { field: 'username', message: 'username is already taken' },
                { field: 'email', message: 'email is already registered' },
              ],
            },
          },
    );
    renderApp(<SignupPage />, '/signup');
    await userEvent.type(screen.getByLabelText('Username'), 'ada');
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'a long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    // In words next to each field (the label, not the raw field name), and not again below.
    expect(await screen.findByText('Username is already taken')).toBeInTheDocument();
    expect(screen.getByText('Email is already registered')).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      /Username is already taken/,
    );
  });
});

describe('InfiniteFeed', () => {
  it('loads the next cursor page when the end of the list scrolls into view, until the last', async () => {
    const observers: Array<(entries: Array<{ isIntersecting: boolean }>) => void> = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: Array<{ isIntersecting: boolean }>) => void) {
          observers.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
    fakeApi(() => ({ status: 200, body: me }));
    const pages: Record<string, Page<Post>> = {
      first: {
        items: [{ ...post, id: 'a' } as Post, { ...post, id: 'b' } as Post],
        nextCursor: 'c1',
      },
      c1: { items: [{ ...post, id: 'c' } as Post], nextCursor: null },
    };
    const load = vi.fn(async (cursor: string | null) => pages[cursor ?? 'first']);
    renderApp(<InfiniteFeed load={load} empty={<p>Nothing</p>} />);
    const scrollToEnd = () =>
      act(() => observers[observers.length - 1]([{ isIntersecting: true }]));

    await scrollToEnd();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    await scrollToEnd();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    expect(load.mock.calls.map(([cursor]) => cursor)).toEqual([null, 'c1']);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});
