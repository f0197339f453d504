import {
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { AppSecret } from '../../config/app-secret';
import type { FreebConfig } from '../../config/configuration';

export const DEVICE_COOKIE = 'freeb.device';
const LIFETIME_MS = 365 * 24 * 3600_000;

/** A login name as the throttle and the device cookie compare it. */
export const normalizedLogin = (login: string) => login.trim().toLowerCase();

/**
 * OWASP's device cookies: a browser that signed in to an account gets a signed cookie naming
 * that login and a random nonce. Holding it, the browser is known to the login throttle: it is
 * not held by the per-account limit strangers trigger, only by a small limit of its own (per
 * nonce). The signature keeps anyone from making one; the nonce lets one device be held alone.
 */
@Injectable()
export class DeviceCookies {
  private readonly key: KeyObject;
  private readonly secure: boolean;

  constructor(@Inject(AppSecret) secret: AppSecret, config: ConfigService<FreebConfig, true>) {
    this.key = createSecretKey(
      createHmac('sha256', secret.value).update('freeb device cookie').digest(),
    );
    this.secure = config.get('app', { infer: true }).production;
  }

  /** The nonce of the request's device cookie when it is genuine and names this login. */
  nonceFor(req: Request, login: string): string | undefined {
    const raw = cookieValue(req, DEVICE_COOKIE);
    const [name, nonce, signature] = raw?.split('.') ?? [];
    if (!name || !nonce || !signature) return undefined;
    const expected = this.sign(name, nonce);
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return Buffer.from(name, 'base64url').toString() === normalizedLogin(login) ? nonce : undefined;
  }

  /** Gives the browser a device cookie for this login (after a successful sign-in). */
  remember(res: Response, login: string): void {
    const name = Buffer.from(normalizedLogin(login)).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    res.cookie(DEVICE_COOKIE, `${name}.${nonce}.${this.sign(name, nonce).toString()}`, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/api/auth',
      maxAge: LIFETIME_MS,
    });
  }

  private sign(name: string, nonce: string): Buffer {
    return Buffer.from(
      createHmac('sha256', this.key).update(`${name}.${nonce}`).digest('base64url'),
    );
  }
}

/** One cookie from the Cookie header (the app has no cookie parser; express-session reads its own). */
function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
