import { LocalStorage } from './local.storage';
import { LocalUrlSigner } from './local-url-signer';

describe('LocalStorage signed URLs', () => {
  const sut = new LocalStorage('/nowhere', new LocalUrlSigner('a secret of the app'));
  const inTenMinutes = new Date(Date.now() + 600_000);
  const query = (url: string) => {
    const params = new URL(url, 'http://freeb.test').searchParams;
    return { expires: Number(params.get('expires')), signature: params.get('signature')! };
  };

  it('accepts exactly the key, type and length it signed', async () => {
    const { url } = await sut.presignUpload({
      key: 'users/u1/i1.png',
      contentType: 'image/png',
      size: 277,
      expiresAt: inTenMinutes,
    });
    expect(url).toMatch(/^\/api\/storage\/users\/u1\/i1\.png\?expires=\d+&signature=[\w-]+$/);
    const signed = query(url);
    expect(sut.checkUpload('users/u1/i1.png', 'image/png', 277, signed)).toBeNull();
    expect(sut.checkUpload('users/u1/i1.png', 'text/html', 277, signed)).toBe('bad-signature');
    expect(sut.checkUpload('users/u1/i1.png', 'image/png', 278, signed)).toBe('bad-signature');
    expect(sut.checkUpload('users/u2/i1.png', 'image/png', 277, signed)).toBe('bad-signature');
    expect(sut.checkUpload('users/u1/i1.png', 'image/png', undefined, signed)).toBe(
      'length-required',
    );
    expect(
      sut.checkUpload('users/u1/i1.png', 'image/png', 277, {
        ...signed,
        expires: signed.expires + 60,
      }),
    ).toBe('bad-signature');
    expect(
      sut.checkUpload('users/u1/i1.png', 'image/png', 277, {
        ...signed,
        signature: `${signed.signature}x`,
      }),
    ).toBe('bad-signature');
  });

  it('refuses an expired upload or download URL', async () => {
    const past = new Date(Date.now() - 1000);
    const { url } = await sut.presignUpload({
      key: 'users/u1/i1.png',
      contentType: 'image/png',
      size: 277,
      expiresAt: past,
    });
    expect(sut.checkUpload('users/u1/i1.png', 'image/png', 277, query(url))).toBe('expired');
    const download = await sut.presignDownload('users/u1/i1.png', new Date(), past);
    expect(sut.checkDownload('users/u1/i1.png', query(download))).toBe('expired');
  });

  it('does not take an upload signature for a download, nor another secret’s', async () => {
    const { url } = await sut.presignUpload({
      key: 'users/u1/i1.png',
      contentType: 'image/png',
      size: 277,
      expiresAt: inTenMinutes,
    });
    expect(sut.checkDownload('users/u1/i1.png', query(url))).toBe('bad-signature');
    const other = new LocalStorage('/nowhere', new LocalUrlSigner('another secret'));
    const download = await sut.presignDownload('users/u1/i1.png', new Date(), inTenMinutes);
    expect(other.checkDownload('users/u1/i1.png', query(download))).toBe('bad-signature');
  });

  it('keeps keys inside its directory', () => {
    expect(LocalStorage.isValidKey('users/u1/i1.png')).toBe(true);
    for (const key of [
      '../etc/passwd.png',
      'users/../../x.png',
      '/abs.png',
      'users/u1/',
      'users/u1/i1',
      'a\\b.png',
    ]) {
      expect(LocalStorage.isValidKey(key)).toBe(false);
    }
  });
});
