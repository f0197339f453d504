import type { ExecutionContext } from '@nestjs/common';
import { AppError, ErrorCode } from '../errors/app-error';
import { AuthenticatedGuard } from './authenticated.guard';

const contextFor = (authenticated: boolean) =>
  ({
    switchToHttp: () => ({ getRequest: () => ({ isAuthenticated: () => authenticated }) }),
  }) as unknown as ExecutionContext;

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
