import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Meta } from '../src/api';
import { checkFile, UploadPage } from '../src/pages/UploadPage';
import { fakeApi, me, renderApp } from './helpers';

const meta: Meta = {
  maxPhotosPerPost: 20,
  allowedContentTypes: ['image/jpeg', 'image/png'],
  upload: {
    allowedContentTypes: ['image/jpeg', 'image/png'],
    maxBytes: 1024 * 1024,
    maxPixels: 1e6,
    urlTtlSeconds: 600,
  },
  text: { captionMaxLength: 2200, altTextMaxLength: 1000, commentMaxLength: 2200 },
  page: { defaultLimit: 20, maxLimit: 100 },
};

afterEach(() => vi.unstubAllGlobals());

describe('checkFile', () => {
  it('accepts an allowed type within the size limit', () => {
    expect(
      checkFile(new File([new Uint8Array(10)], 'a.jpg', { type: 'image/jpeg' }), meta),
    ).toBeUndefined();
  });

  it('refuses other types, naming the allowed ones', () => {
    expect(checkFile(new File(['<svg/>'], 'a.svg', { type: 'image/svg+xml' }), meta)).toBe(
      'That file type is not supported. Choose a JPEG, PNG image.',
    );
  });

  it('refuses a file over the limit, saying both sizes', () => {
    const big = new File([new Uint8Array(2 * 1024 * 1024)], 'big.png', { type: 'image/png' });
    expect(checkFile(big, meta)).toBe('That photo is 2 MB; the limit is 1 MB.');
  });
});

describe('UploadPage', () => {
  it('shows the limits up front and refuses a wrong file before uploading anything', async () => {
    const fetchMock = fakeApi((url) =>
      url === '/api/meta' ? { status: 200, body: meta } : { status: 200, body: me },
    );
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: () => 'blob:preview',
        revokeObjectURL: () => undefined,
      }),
    );
    renderApp(
      <Routes>
        <Route path="/new" element={<UploadPage />} />
      </Routes>,
      '/new',
    );
    await screen.findByText('Up to 20 photos: JPEG, PNG, each up to 1 MB.');
    const input = screen.getByLabelText('Choose a photo');
    await userEvent.upload(input, new File(['gif'], 'a.gif', { type: 'image/gif' }), {
      applyAccept: false,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('That file type is not supported');
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
    expect(fetchMock.mock.calls.map(([url]) => url)).not.toContain('/api/images/uploads');

    await userEvent.upload(input, new File([new Uint8Array(5)], 'a.png', { type: 'image/png' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Publish' })).toBeEnabled());
    expect(screen.getByAltText('Preview of the photo to post')).toHaveAttribute(
      'src',
      'blob:preview',
    );
  });

  it('says why publishing failed and lets the person try again', async () => {
    let attempts = 0;
    fakeApi((url) => {
      if (url === '/api/meta') return { status: 200, body: meta };
      if (url === '/api/auth/me') return { status: 200, body: me };
      if (url === '/api/images/uploads') {
        attempts += 1;
        return attempts === 1
          ? {
              status: 503,
              body: {
                type: 'x',
                title: 'Service Unavailable',
                status: 503,
                detail: 'A service Freeb depends on is unavailable; try again shortly.',
              },
            }
          : {
              status: 429,
              body: {
                type: 'x',
                title: 'Too Many Requests',
                status: 429,
                detail: 'Too many attempts.',
              },
              headers: { 'Retry-After': '30' },
            };
      }
      return {
        status: 404,
        body: { type: 'x', title: 'Not Found', status: 404, detail: 'No such resource.' },
      };
    });
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: () => 'blob:preview',
        revokeObjectURL: () => undefined,
      }),
    );
    renderApp(
      <Routes>
        <Route path="/new" element={<UploadPage />} />
      </Routes>,
      '/new',
    );
    await screen.findByText('Up to 20 photos: JPEG, PNG, each up to 1 MB.');
    await userEvent.upload(
      screen.getByLabelText('Choose a photo'),
      new File([new Uint8Array(5)], 'a.png', { type: 'image/png' }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A service Freeb depends on is unavailable; try again shortly. You can try again.',
    );
    const publish = screen.getByRole('button', { name: 'Publish' });
    expect(publish).toBeEnabled();
    await userEvent.click(publish);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Too many attempts. Try again in 30 seconds.',
      ),
    );
    expect(attempts).toBe(2);
  });
});

/** Stands in for the browser's XMLHttpRequest: each PUT reports its progress and succeeds. */
class FakeUpload {
  static sent: string[] = [];
  upload: {
    onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void;
  } = {};
  onload?: () => void;
  onerror?: () => void;
  status = 200;
  private url = '';
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  send(body: Blob) {
    FakeUpload.sent.push(this.url);
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: body.size / 2, total: body.size });
      this.onload?.();
    }, 5);
  }
}

describe('UploadPage with several photos', () => {
  it('publishes them in the chosen order, each with its alt text', async () => {
    let created: unknown;
    let uploads = 0;
    fakeApi((url, init) => {
      if (url === '/api/meta') return { status: 200, body: meta };
      if (url === '/api/auth/me') return { status: 200, body: me };
      if (url === '/api/images/uploads') {
        uploads += 1;
        const upload = JSON.parse(String(init?.body)) as { size: number };
        return {
          status: 201,
          body: {
            uploadId: `u${upload.size}`,
            url: `/storage/${upload.size}`,
            method: 'PUT',
            headers: {},
            expiresAt: '2030-01-01T00:00:00.000Z',
          },
        };
      }
      if (url === '/api/posts' && init?.method === 'POST') {
        created = JSON.parse(String(init.body));
        return { status: 201, body: { id: 'new-post' } };
      }
      return { status: 404, body: { type: 'x', title: 'Not Found', status: 404, detail: 'No.' } };
    });
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
    let previews = 0;
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: () => `blob:preview-${(previews += 1)}`,
        revokeObjectURL: () => undefined,
      }),
    );
    renderApp(
      <Routes>
        <Route path="/new" element={<UploadPage />} />
        <Route path="/p/:id" element={<p>Published</p>} />
      </Routes>,
      '/new',
    );
    await screen.findByText('Up to 20 photos: JPEG, PNG, each up to 1 MB.');
    // Sizes 1, 2 and 3 bytes name the photos: their upload ids are u1, u2, u3.
    await userEvent.upload(
      screen.getByLabelText('Choose a photo'),
      [1, 2, 3].map((n) => new File([new Uint8Array(n)], `${n}.png`, { type: 'image/png' })),
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    await userEvent.type(screen.getByLabelText('Alt text, photo 1'), 'One');
    await userEvent.type(screen.getByLabelText('Alt text, photo 3'), 'Three');
    // 1 2 3 → 1 3 2 → 3 1 2 → 3 1
    await userEvent.click(screen.getByRole('button', { name: 'Move photo 3 earlier' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move photo 2 earlier' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove photo 3' }));
    expect(screen.getByLabelText('Alt text, photo 1')).toHaveValue('Three');
    expect(screen.getByLabelText('Alt text, photo 2')).toHaveValue('One');
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await screen.findByText('Published');
    expect(uploads).toBe(2);
    expect(created).toEqual({
      media: [
        { uploadId: 'u3', altText: 'Three' },
        { uploadId: 'u1', altText: 'One' },
      ],
      caption: '',
    });
  });
});
