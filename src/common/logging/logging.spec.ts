import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Request, Response } from 'express';
import { pino } from 'pino';
import pinoHttp from 'pino-http';
import { pinoHttpOptions } from './logging.module';
import { quietRequestLog } from './quiet-request-log';

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

  it('never carry the signature of a storage URL', async () => {
    const { port } = server.address() as AddressInfo;
    const signed = [
      '/api/storage/users/u1/i1.png?expires=1764000000&signature=c2lnbmF0dXJlLXNlY3JldA',
      '/api/storage/users/u1/i1.png?X-Amz-Credential=AKID%2F20261126&X-Amz-Signature=abcdef0123',
    ];
    for (const path of signed) await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    await (await fetch(`http://127.0.0.1:${port}/api/posts?limit=5`)).text();
    await new Promise((resolve) => setImmediate(resolve));

    const urls = lines.map((line) => (JSON.parse(line) as { req: { url: string } }).req.url);
    expect(urls).toEqual([
      '/api/storage/users/u1/i1.png?[redacted]',
      '/api/storage/users/u1/i1.png?[redacted]',
      '/api/posts?limit=5',
    ]);
    for (const secret of ['c2lnbmF0dXJlLXNlY3JldA', 'abcdef0123', 'AKID']) {
      expect(lines.join('\n')).not.toContain(secret);
    }
  });
});

describe('request logs at a quiet level (warn)', () => {
  let server: Server;
  let lines: Array<Record<string, unknown> & { level: number }>;

  beforeEach(async () => {
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown> & { level: number });
        }
        done();
      },
    });
    const log = quietRequestLog(() => pino({ level: 'warn' }, sink), 200);
    server = createServer((req, res) => {
      Object.assign(req, { ip: '203.0.113.9', originalUrl: req.url });
      log(req as Request, res as Response, () => {
        const status = Number(new URL(req.url!, 'http://x').searchParams.get('status') ?? 200);
        const delay = req.url!.includes('slow') ? 300 : 0;
        setTimeout(() => {
          res.statusCode = status;
          res.end('{}');
        }, delay);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const get = async (path: string, id: string) => {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'X-Request-Id': id } });
    await res.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    return res;
  };

  it('writes nothing for a quick success, and still echoes the request id', async () => {
    const res = await get('/api/posts', 'quiet-1');
    expect(res.headers.get('x-request-id')).toBe('quiet-1');
    expect(lines).toEqual([]);
  });

  it('logs client errors as warn and server errors as error, with their request id', async () => {
    await get('/api/posts/x?status=404', 'req-404');
    await get('/api/posts?status=503', 'req-503');
    expect(lines.map((line) => [line.level, line.reqId])).toEqual([
      [40, 'req-404'],
      [50, 'req-503'],
    ]);
    expect(lines[0]).toEqual(expect.objectContaining({ statusCode: 404, clientIp: '203.0.113.9' }));
  });

  it('logs a slow request with its id and time', async () => {
    await get('/api/slow', 'req-slow');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual(
      expect.objectContaining({
        level: 40,
        msg: 'request slow',
        reqId: 'req-slow',
        url: '/api/slow',
        responseTime: expect.any(Number),
      }),
    );
    expect(lines[0].responseTime).toBeGreaterThanOrEqual(200);
  });
});
