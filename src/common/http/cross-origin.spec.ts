import { checkCrossOrigin } from './cross-origin';

const trusted = new Set(['https://app.example.com']);
const check = (input: Partial<Parameters<typeof checkCrossOrigin>[0]>) =>
  checkCrossOrigin({ method: 'POST', host: 'freeb.example', ...input }, trusted);

describe('checkCrossOrigin (Go 1.25 CrossOriginProtection)', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'get'])(
    'lets the safe method %s through whatever the headers',
    (method) => {
      expect(check({ method, secFetchSite: 'cross-site', origin: 'https://evil.example' })).toBe(
        'allowed',
      );
    },
  );

  it.each(['same-origin', 'none'])('allows Sec-Fetch-Site: %s', (secFetchSite) => {
    expect(check({ secFetchSite, origin: 'https://evil.example' })).toBe('allowed');
  });

  it.each(['cross-site', 'same-site'])(
    'refuses Sec-Fetch-Site: %s from an untrusted origin',
    (secFetchSite) => {
      expect(check({ secFetchSite, origin: 'https://evil.example' })).toBe('cross-origin');
      expect(check({ secFetchSite })).toBe('cross-origin');
    },
  );

  it('allows a trusted origin even cross-site', () => {
    expect(check({ secFetchSite: 'cross-site', origin: 'https://app.example.com' })).toBe(
      'allowed',
    );
    expect(check({ origin: 'https://app.example.com' })).toBe('allowed');
  });

  it('falls back to comparing Origin with Host when Sec-Fetch-Site is absent', () => {
    expect(check({ origin: 'https://freeb.example' })).toBe('allowed');
    expect(check({ origin: 'http://freeb.example' })).toBe('allowed');
    expect(check({ origin: 'https://freeb.example:8443' })).toBe('cross-origin-older-browser');
    expect(check({ origin: 'https://evil.example' })).toBe('cross-origin-older-browser');
    expect(check({ origin: 'null' })).toBe('cross-origin-older-browser');
  });

  it('allows requests with neither header (not a browser)', () => {
    expect(check({})).toBe('allowed');
    expect(check({ method: 'DELETE' })).toBe('allowed');
  });

  it('does not trust an origin by prefix', () => {
    expect(
      check({ secFetchSite: 'cross-site', origin: 'https://app.example.com.evil.example' }),
    ).toBe('cross-origin');
  });
});
