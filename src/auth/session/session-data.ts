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
  // Only signed-in sessions are ever stored (saveUninitialized: false), so an anonymous one
  // has nothing in the store to destroy: regenerate it without the store's delete.
  if (req.session.passport === undefined) {
    req.session.regenerate = function (this: typeof req.session, done: (error?: unknown) => void) {
      req.sessionStore.generate(req);
      done();
      return this;
    };
  }
  req.session.generation = user.sessionGeneration;
  req.session.renewedAt = Date.now();
  return new Promise((resolve, reject) =>
    req.logIn(user, { session: true, keepSessionInfo: true }, (error) => {
      if (error) {
        forgetSession(req);
        return reject(storeDown());
      }
      markSaved(req);
      resolve();
    }),
  );
}

/**
 * Passport has just stored the new session. express-session's own bookkeeping does not follow
 * a regenerated session, so it would store it again at the end of the request: nothing
 * changes it after sign-in, so that second save is made a no-op (one store write per login).
 */
function markSaved(req: Request): void {
  req.session.save = function (this: typeof req.session, done?: (error?: unknown) => void) {
    done?.();
    return this;
  };
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
