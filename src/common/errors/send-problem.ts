import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import type { FieldError } from './app-error';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';

/** Writes an RFC 9457 problem. Used by the exception filter and by raw Express middleware. */
export function sendProblem(
  res: Response,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): void {
  const body = {
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(errors?.length ? { errors } : {}),
  };
  res.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
