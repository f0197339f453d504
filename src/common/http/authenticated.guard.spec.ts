import type { ArgumentsHost, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { strictMock } from '../../../test/harness/strict-mock';
import { AppError, ErrorCode } from '../errors/app-error';
import { AuthenticatedGuard } from './authenticated.guard';

const contextFor = (authenticated: boolean) => {
  const request = strictMock<Request>({
    user: authenticated ? { id: 'u1', username: 'ada', role: 'user' as const } : undefined,
  });
  const http = strictMock<ReturnType<ArgumentsHost['switchToHttp']>>({
    getRequest: jest.fn(() => request),
  });
  return strictMock<ExecutionContext>({ switchToHttp: jest.fn(() => http) });
};

describe('AuthenticatedGuard', () => {
  const sut = new AuthenticatedGuard();

  it('lets a signed-in request through', () => {
    expect(sut.canActivate(contextFor(true))).toBe(true);
  });

  it('answers an anonymous request with an unauthenticated error', () => {
    let thrown: unknown;
    try {
      sut.canActivate(contextFor(false));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe(ErrorCode.Unauthenticated);
  });
});
