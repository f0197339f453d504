import type { Request } from 'express';
import { unavailable } from '../../common/errors/app-error';
import type { User } from '../../users/entities/user.entity';
import { SESSION_COOKIE } from './session-middleware';

declare module 'express-session' {
  interface SessionData {
    /** The user's session generation when this session signed in; a mismatch revokes it. */
    generation: number;
    /** When the session's expiry was last pushed forward (epoch ms). */
    renewedAt: number;
    passport: { user?: string };
  }
}

const storeDown = () => unavailable('session store');

/** Drops the request's session so express-session sends no cookie for a session it could not store. */
function forgetSession(req: Request): void {
  (req as { session?: unknown }).session = undefined;
}

/**
 * Signs the user in on a fresh session id (passport regenerates it: no fixation) that carries
 * the user's current session generation, saved before the answer is sent.
 */
export function startSession(req: Request, user: User): Promise<void> {
  req.session.generation = user.sessionGeneration;
  req.session.renewedAt = Date.now();
  return new Promise((resolve, reject) =>
    req.logIn(user, { session: true, keepSessionInfo: true }, (error) => {
      if (!error) return resolve();
      forgetSession(req);
      reject(storeDown());
    }),
  );
}

/** Signs out, removes the session from the store and tells the browser to drop its cookie. */
export function endSession(req: Request): Promise<void> {
  const { path, httpOnly, secure, sameSite } = req.session.cookie;
  return new Promise((resolve, reject) => {
    req.session.destroy((error) => {
      if (error) return reject(storeDown());
      req.user = undefined;
      req.res?.clearCookie(SESSION_COOKIE, { path, httpOnly, secure: secure === true, sameSite });
      resolve();
    });
  });
}
