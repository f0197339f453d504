import { ConfigService } from '@nestjs/config';
import type { FreebConfig } from '../config/configuration';
import { ImageUrls } from './image-urls';
import { LocalStorage } from './storage/local.storage';
import { LocalUrlSigner } from './storage/local-url-signer';

describe('ImageUrls', () => {
  const hour = 3600_000;
  const windowStart = new Date('2026-11-24T10:00:00Z').getTime();
  const key = 'users/u1/i1.png';
  let storage: LocalStorage;
  let sut: ImageUrls;

  beforeEach(() => {
    storage = new LocalStorage('/nowhere', new LocalUrlSigner('a secret of the app'));
    sut = new ImageUrls(new ConfigService<FreebConfig, true>({ storage: {} }), storage);
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  const query = (url: string) => {
    const params = new URL(url, 'http://freeb.test').searchParams;
    return { expires: Number(params.get('expires')), signature: params.get('signature')! };
  };

  it('signs an image once per hour window and serves it from the cache meanwhile', async () => {
    const sign = jest.spyOn(LocalUrlSigner.prototype, 'sign');
    const early = await sut.urlFor(key, windowStart + 60_000);
    expect(await sut.urlFor(key, windowStart + hour - 1000)).toBe(early);
    expect(sign).toHaveBeenCalledTimes(1);
    expect(await sut.urlFor(key, windowStart + hour)).not.toBe(early);
    expect(sign).toHaveBeenCalledTimes(2);
  });

  it('resolves a page of keys at once, signing only those not seen in this window', async () => {
    const sign = jest.spyOn(LocalUrlSigner.prototype, 'sign');
    const at = windowStart + 60_000;
    const first = await sut.urlsFor(['a.webp', 'b.webp'], at);
    expect(sign).toHaveBeenCalledTimes(2);
    const second = await sut.urlsFor(['b.webp', 'c.webp', 'a.webp'], at + 1000);
    expect(sign).toHaveBeenCalledTimes(3);
    expect([...second.keys()].sort()).toEqual(['a.webp', 'b.webp', 'c.webp']);
    expect(second.get('a.webp')).toBe(first.get('a.webp'));
    expect(second.get('c.webp')).toBe(await sut.urlFor('c.webp', at));
  });

  it('keeps a cached URL valid after the hour turns, until its own window ends', async () => {
    const early = await sut.urlFor(key, windowStart + hour - 1000);
    const next = await sut.urlFor(key, windowStart + hour);
    jest.useFakeTimers({ now: windowStart + hour + 1000 });
    expect(storage.checkDownload(key, query(early))).toBeNull();
    expect(storage.checkDownload(key, query(next))).toBeNull();
    jest.setSystemTime(windowStart + 2 * hour - 1000);
    expect(storage.checkDownload(key, query(early))).toBeNull();
    jest.setSystemTime(windowStart + 2 * hour + 1000);
    expect(storage.checkDownload(key, query(early))).toBe('expired');
    expect(storage.checkDownload(key, query(next))).toBeNull();
  });

  it('uses the CDN base when one is configured, without signing', async () => {
    const sign = jest.spyOn(LocalUrlSigner.prototype, 'sign');
    const cdn = new ImageUrls(
      new ConfigService<FreebConfig, true>({
        storage: { publicImageBaseUrl: 'https://cdn.example.test' },
      }),
      storage,
    );
    expect(await cdn.urlFor(key)).toBe(`https://cdn.example.test/${key}`);
    expect(sign).not.toHaveBeenCalled();
  });
});
