import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { loggableUrl } from './loggable-url';
import { requestId } from './request-id';

/** A request taking longer than this is logged even when requests are not. */
export const SLOW_REQUEST_MS = 1000;

/** Whether a level leaves out the line per request (anything above `info`). */
export const isQuietLevel = (level: string) => ['warn', 'error', 'fatal', 'silent'].includes(level);

/**
 * The request log at a quiet level (`warn` and above): no child logger, serializer or async
 * context per request, only a request id and one listener. A request that failed (4xx as warn,
 * 5xx as error), took longer than SLOW_REQUEST_MS or was aborted is logged with its request
 * id (`reqId`, as the error filter logs it), method, URL, status and time.
 */
export function quietRequestLog(logger: () => Logger, slowMs = SLOW_REQUEST_MS) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    const id = requestId(req, res);
    req.id = id;
    res.once('close', () => {
      const responseTime = Math.round(performance.now() - started);
      const aborted = !res.writableFinished;
      const status = res.statusCode;
      if (!aborted && status < 400 && responseTime < slowMs) return;
      // Flat fields: the root logger's req/res serializers expect raw objects.
      const entry = {
        reqId: id,
        method: req.method,
        url: loggableUrl(req.originalUrl),
        statusCode: status,
        responseTime,
        clientIp: req.ip,
      };
      const message = aborted
        ? 'request aborted'
        : status >= 400
          ? 'request errored'
          : 'request slow';
      logger()[status >= 500 ? 'error' : 'warn'](entry, message);
    });
    next();
  };
}
