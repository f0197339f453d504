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
    await screen.findByText('JPEG, PNG up to 1 MB.');
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
    await screen.findByText('JPEG, PNG up to 1 MB.');
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
