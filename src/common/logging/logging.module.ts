import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { FreebConfig } from '../../config/configuration';
import { loggableUrl } from './loggable-url';
import { isQuietLevel } from './quiet-request-log';
import { requestId } from './request-id';

/**
 * Structured JSON logs (pino), one line per request with its id at `info` and below; at a
 * quiet level (`warn` and above) only failed, slow or aborted requests (quiet-request-log.ts). Bodies are never logged,
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
        url: loggableUrl(req.url),
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
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) =>
      `${req.method} ${loggableUrl(req.url ?? '')} ${res.statusCode} ${Math.round(ms)} ms`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse, error: Error) =>
      `${req.method} ${loggableUrl(req.url ?? '')} ${res.statusCode} ${error.message}`,
  };
}

/**
 * In a terminal, one readable coloured line per entry ("12:04:05 INFO: GET /api/posts 200
 * 4 ms") through pino-pretty, which runs in a worker thread; otherwise pino's JSON lines.
 */
export function prettyTransport(format: 'pretty' | 'json'): Options['transport'] {
  if (format !== 'pretty') return undefined;
  return {
    target: 'pino-pretty',
    options: {
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,req,res,responseTime,clientIp,context',
    },
  };
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<FreebConfig, true>) => {
        const { logLevel, logFormat } = config.get('app', { infer: true });
        return {
          pinoHttp: { ...pinoHttpOptions(logLevel), transport: prettyTransport(logFormat) },
          // At a quiet level pino-http is not in the request path at all: configureApp puts
          // quietRequestLog first in the chain instead.
          forRoutes: isQuietLevel(logLevel) ? [] : ['*path'],
        };
      },
    }),
  ],
})
export class LoggingModule {}
