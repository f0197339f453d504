import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import { pinoHttpOptions } from './logging.module';

describe('request logs', () => {
  let server: Server;
  let lines: string[];

  beforeEach(async () => {
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const log = pinoHttp(pinoHttpOptions('info'), sink);
    server = createServer((req, res) => {
      // Express puts the client's address (X-Forwarded-For behind a trusted proxy) on req.ip.
      Object.assign(req, { ip: '203.0.113.9' });
      log(req, res);
      req.resume();
      req.on('end', () => {
        res.setHeader('Set-Cookie', 'freeb.sid=s%3Asession-id-123.signature; HttpOnly');
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('carry a request id and never a password, cookie or session id', async () => {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: 'freeb.sid=s%3Aold-session-456.sig',
        Authorization: 'Basic c2VjcmV0',
        'X-Request-Id': 'req-42',
      },
      body: JSON.stringify({ login: 'ada', password: 'hunter2-password' }),
    });
    await res.text();
    await new Promise((resolve) => setImmediate(resolve));

    expect(res.headers.get('x-request-id')).toBe('req-42');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]) as {
      req: { id: string; method: string; url: string };
      res: { statusCode: number };
      clientIp: string;
    };
    expect(entry.clientIp).toBe('203.0.113.9');
    expect(entry.req).toEqual(
      expect.objectContaining({ id: 'req-42', method: 'POST', url: '/api/auth/login' }),
    );
    expect(entry.res.statusCode).toBe(200);
    for (const secret of [
      'hunter2',
      'old-session-456',
      'session-id-123',
      'c2VjcmV0',
      'freeb.sid',
    ]) {
      expect(lines[0]).not.toContain(secret);
    }
  });
});
