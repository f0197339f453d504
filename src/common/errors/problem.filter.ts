import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorCode } from './app-error';
import { isDependencyDown } from './dependency-errors';
import { sendProblem } from './send-problem';
import { STATUS_BY_CODE } from './problem';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: 'method-not-allowed',
  409: ErrorCode.Conflict,
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: ErrorCode.Unprocessable,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.Unavailable,
};

/** body-parser's errors carry `status` and `type` (entity.parse.failed, entity.too.large, ...). */
interface BodyParserError {
  status: number;
  type: string;
  expose?: boolean;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).status === 'number' &&
    typeof (error as BodyParserError).type === 'string'
  );
}

const BODY_PARSER_DETAIL: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body encoding is not supported.',
  'charset.unsupported': 'The request body charset is not supported.',
};

/**
 * The one place where an error becomes an HTTP answer: every error leaves as RFC 9457
 * problem details. Anything unexpected is logged and answered 500 without internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;

    if (exception instanceof AppError) {
      const status = STATUS_BY_CODE[exception.code];
      return sendProblem(res, status, exception.code, exception.message, exception.errors);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return sendProblem(res, status, CODE_BY_STATUS[status] ?? 'http', this.detailOf(exception));
    }
    if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
      const detail = BODY_PARSER_DETAIL[exception.type] ?? 'The request body could not be read.';
      return sendProblem(
        res,
        exception.status,
        CODE_BY_STATUS[exception.status] ?? 'bad-request',
        detail,
      );
    }
    if (isDependencyDown(exception)) {
      this.logger.warn(
        { reqId: this.requestIdOf(host) },
        `Dependency unavailable: ${String(exception)}`,
      );
      return sendProblem(
        res,
        503,
        ErrorCode.Unavailable,
        'A service Freeb depends on is unavailable; try again shortly.',
      );
    }
    // The request id rides along explicitly: at a quiet log level no per-request logger exists.
    this.logger.error({
      reqId: this.requestIdOf(host),
      err: exception instanceof Error ? exception : new Error(String(exception)),
    });
    sendProblem(res, 500, 'internal', 'Something went wrong on our side; it has been logged.');
  }

  private requestIdOf(host: ArgumentsHost): unknown {
    return host.switchToHttp().getRequest<Request>().id;
  }

  private detailOf(exception: HttpException): string {
    const status = exception.getStatus();
    if (status === 404) return 'No such resource.';
    if (status === 429) return 'Too many requests; wait before trying again.';
    const body = exception.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
    return exception.message;
  }
}
