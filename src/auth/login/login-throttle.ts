import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { DatabaseThrottlerStorage } from '../../common/throttling/database-throttler.storage';
import { DeviceCookies, normalizedLogin } from './device-cookie';

const WINDOW_MS = 15 * 60_000;
/** Attempts per address (every attempt counts: it bounds the password hashing one client causes). */
export const LOGIN_IP_LIMIT = 30;
/** Failed attempts per login name from clients without its device cookie. */
export const LOGIN_ACCOUNT_LIMIT = 10;
/** Failed attempts per device cookie. */
export const LOGIN_DEVICE_LIMIT = 10;

/** What one login attempt is counted against, decided before the password is checked. */
export interface LoginAttempt {
  /** The rate_limits key its failure is counted on: the device's, or the login name's. */
  failureKey: string;
  failureLimit: number;
}

/**
 * Login throttling after OWASP's device-cookie scheme. Every attempt costs one counter update
 * (its address); the per-account and per-device limits are read, and written only when the
 * password was wrong. So strangers guessing a password lock out other strangers, but not a
 * browser that signed in to the account before: it holds a device cookie and is held only by
 * its own limit. A successful login writes the address counter and the session, nothing else.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly counters: DatabaseThrottlerStorage,
    private readonly devices: DeviceCookies,
  ) {}

  /** Counts the attempt against its address, then refuses it (429) when a limit is reached. */
  async admit(req: Request, login: string): Promise<LoginAttempt> {
    const res = req.res!;
    const nonce = this.devices.nonceFor(req, login);
    const attempt: LoginAttempt = nonce
      ? { failureKey: `login-device:${nonce}`, failureLimit: LOGIN_DEVICE_LIMIT }
      : { failureKey: accountKey(login), failureLimit: LOGIN_ACCOUNT_LIMIT };
    const { record: perIp, otherBlockedFor: waitSeconds } = await this.counters.incrementAndCheck(
      `login-ip:${String(req.ip)}`,
      WINDOW_MS,
      LOGIN_IP_LIMIT,
      WINDOW_MS,
      { key: attempt.failureKey, limit: attempt.failureLimit },
    );
    if (perIp.isBlocked) throw tooManyAttempts(res, perIp.timeToBlockExpire);
    if (waitSeconds > 0) throw tooManyAttempts(res, waitSeconds);
    return attempt;
  }

  /** The password was wrong: one more failure for the device, or for the login name. */
  async failed(attempt: LoginAttempt): Promise<void> {
    await this.counters.increment(attempt.failureKey, WINDOW_MS, attempt.failureLimit, WINDOW_MS);
  }
}

/** Login names may be long emails; a digest keeps the key inside the column. */
const accountKey = (login: string) =>
  `login-account:${createHash('sha256').update(normalizedLogin(login)).digest('base64url')}`;

function tooManyAttempts(res: Response, seconds: number): AppError {
  const wait = Math.max(1, seconds);
  res.setHeader('Retry-After', String(wait));
  return new AppError(
    ErrorCode.TooManyRequests,
    `Too many attempts; try again in ${wait} seconds.`,
  );
}
