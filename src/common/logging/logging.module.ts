import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { FreebConfig } from '../../config/configuration';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A caller's X-Request-Id when it is sane, else a new one; echoed back on the response. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON logs (pino), one line per request with its id. Bodies are never logged,
 * and cookies, authorization and set-cookie headers are removed, so no password, cookie or
 * session id reaches a log.
 */
export function pinoHttpOptions(level: string): Options {
  return {
    level,
    genReqId: requestId,
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        'req.body',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
      ],
      remove: true,
    },
    // The client's address as Express sees it: from X-Forwarded-For when TRUST_PROXY allows.
    customProps: (req: IncomingMessage) => ({
      clientIp: (req as IncomingMessage & { ip?: string }).ip,
    }),
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  };
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<FreebConfig, true>) => ({
        pinoHttp: pinoHttpOptions(config.get('app', { infer: true }).logLevel),
        forRoutes: ['*path'],
      }),
    }),
  ],
})
export class LoggingModule {}
