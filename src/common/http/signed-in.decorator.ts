import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import { AuthenticatedGuard } from './authenticated.guard';

/** The route needs a live session: guarded, and documented with the session cookie scheme. */
export const SignedIn = () => applyDecorators(UseGuards(AuthenticatedGuard), ApiCookieAuth());
