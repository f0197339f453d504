import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import type { FreebConfig } from '../../config/configuration';
import { AppError, ErrorCode } from '../errors/app-error';
import { checkCrossOrigin } from './cross-origin';

/** Refuses state-changing requests that a browser made on behalf of another site (403). */
@Injectable()
export class CrossOriginGuard implements CanActivate {
  private readonly trustedOrigins: ReadonlySet<string>;

  constructor(config: ConfigService<FreebConfig, true>) {
    this.trustedOrigins = new Set(config.get('app', { infer: true }).trustedOrigins);
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
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
