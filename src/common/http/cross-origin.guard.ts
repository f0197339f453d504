import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import type { FreebConfig } from '../../config/configuration';
import { AppError, ErrorCode } from '../errors/app-error';
import { SAFE_METHODS, checkCrossOrigin } from './cross-origin';

const NO_CROSS_ORIGIN_CHECK = 'freeb:no-cross-origin-check';

/**
 * For routes authorised by a signed URL rather than the session cookie (the local storage
 * adapter's uploads): a forged cross-site request carries no ambient authority there.
 */
export const NoCrossOriginCheck = () => SetMetadata(NO_CROSS_ORIGIN_CHECK, true);

/** Refuses state-changing requests that a browser made on behalf of another site (403). */
@Injectable()
export class CrossOriginGuard implements CanActivate {
  private readonly trustedOrigins: ReadonlySet<string>;

  constructor(
    config: ConfigService<FreebConfig, true>,
    private readonly reflector: Reflector,
  ) {
    this.trustedOrigins = new Set(config.get('app', { infer: true }).trustedOrigins);
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    // A read changes nothing: let it through before looking anything up (every read asks).
    if (SAFE_METHODS.has(req.method)) return true;
    if (
      this.reflector.getAllAndOverride<boolean>(NO_CROSS_ORIGIN_CHECK, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      return true;
    }
    const verdict = checkCrossOrigin(
      {
        method: req.method,
        secFetchSite: req.get('sec-fetch-site'),
        origin: req.get('origin'),
        host: req.get('host'),
      },
      this.trustedOrigins,
    );
    if (verdict === 'allowed') return true;
    throw new AppError(
      ErrorCode.CrossOrigin,
      'Cross-origin requests that change state are not allowed.',
    );
  }
}
