import type { Request } from 'express';
import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { strictMock } from '../../../test/harness/strict-mock';
import { AppError, ErrorCode } from './app-error';
import { ProblemDetailsFilter } from './problem.filter';

function respond(exception: unknown) {
  const res = {
    headersSent: false,
    statusCode: 0,
    contentType: '',
    body: '',
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    type(value: string) {
      this.contentType = value;
      return this;
    },
    send(body: string) {
      this.body = body;
      return this;
    },
  };
  const http = strictMock<ReturnType<ArgumentsHost['switchToHttp']>>({
    getResponse: jest.fn(() => res),
    // Only read when something is logged: the request id goes with the log line.
    getRequest: jest.fn(() => strictMock<Request>({ id: 'req-1' })),
  });
  const host = strictMock<ArgumentsHost>({ switchToHttp: jest.fn(() => http) });
  new ProblemDetailsFilter().catch(exception, host);
  return {
    status: res.statusCode,
    type: res.contentType,
    body: JSON.parse(res.body) as Record<string, unknown>,
  };
}

describe('ProblemDetailsFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('maps a domain error by its code, with field errors', () => {
    const answer = respond(
      new AppError(ErrorCode.Conflict, 'That username is already in use.', [
        { field: 'username', message: 'taken' },
      ]),
    );
    expect(answer).toEqual({
      status: 409,
      type: 'application/problem+json',
      body: {
        type: 'urn:freeb:problem:conflict',
        title: 'Conflict',
        status: 409,
        detail: 'That username is already in use.',
        errors: [{ field: 'username', message: 'taken' }],
      },
    });
  });

  it('renders Nest HTTP exceptions as problems', () => {
    expect(respond(new NotFoundException()).body).toEqual(
      expect.objectContaining({ status: 404, type: 'urn:freeb:problem:not-found' }),
    );
    expect(respond(new BadRequestException('nope')).body).toEqual(
      expect.objectContaining({ status: 400, detail: 'nope' }),
    );
  });

  it('renders body-parser failures as 4xx', () => {
    const error = Object.assign(new SyntaxError('Unexpected token'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    expect(respond(error).body).toEqual(
      expect.objectContaining({ status: 400, detail: 'The request body is not valid JSON.' }),
    );
  });

  it('answers 503 when a dependency is unreachable', () => {
    const error = new QueryFailedError(
      'SELECT 1',
      [],
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );
    expect(respond(error).status).toBe(503);
  });

  it('hides the internals of anything unexpected behind a 500', () => {
    const answer = respond(new Error('secret internals'));
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('secret internals');
  });
});
