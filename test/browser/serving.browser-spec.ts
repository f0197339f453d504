import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startApp, type TestApp } from '../harness/app';

const WEB = join(__dirname, '..', '..', 'dist', 'web');

/** The built web client's entry script, as index.html names it. */
function entryScript(html: string): string {
  const src = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`no module script in index.html:\n${html}`);
  return src;
}

describe('Serving the web client (production)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a production secret of enough random characters 8f3a9c',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('index.html is revalidated on every load, on every page URL', async () => {
    for (const path of ['/', '/explore', '/p/some-post', '/u/someone/followers']) {
      const res = await request(t.server).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('hashed assets are cached for a year, immutable, and compressed', async () => {
    const html = (await request(t.server).get('/')).text;
    const script = entryScript(html);
    expect(script).toMatch(/^\/assets\/[\w-]+-[\w-]{8}\.js$/);
    for (const encoding of ['gzip', 'br']) {
      const res = await request(t.server)
        .get(script)
        .set('Accept-Encoding', encoding)
        .buffer(true)
        .parse((response, done) => {
          response.on('data', () => undefined);
          response.on('end', () => done(null, null));
        })
        .expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-encoding']).toBe(encoding);
    }
  });

  it('does not serve source maps, though the build has them', async () => {
    const script = entryScript((await request(t.server).get('/')).text);
    expect(existsSync(join(WEB, `${script}.map`))).toBe(true);
    const res = await request(t.server).get(`${script}.map`).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('compresses API answers too', async () => {
    const res = await request(t.server)
      .get('/docs-json')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});
