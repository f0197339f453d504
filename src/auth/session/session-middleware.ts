import type { KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import passport from 'passport';
import { sendProblem } from '../../common/errors/send-problem';
import { isUnder } from '../../common/http/paths';
import type { User } from '../../users/entities/user.entity';

export const SESSION_COOKIE = 'freeb.sid';

const SESSION_COOKIE_PRESENT = /(?:^|;\s*)freeb\.sid=/;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request needs the session links at all. A read without the session cookie is
 * anonymous and stays so: it skips the store, session creation and passport. Requests that may
 * start a session (login, signup) are writes, so they still get one.
 */
export function needsSession(req: Request): boolean {
  const cookie = req.headers.cookie;
  return (
    (cookie !== undefined && SESSION_COOKIE_PRESENT.test(cookie)) || !READ_METHODS.has(req.method)
  );
}

/**
 * The links run one after the other as one middleware: the router then walks one layer
 * instead of five, and trims no mount path for any (each trim rewrites req.url and makes the
 * next parse of it start over). An error leaves the chain for the router's error handlers.
 */
function chain(links: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error) return next(error);
      const link = links[index++];
      if (!link) return next();
      try {
        const result: unknown = link(req, res, step);
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}

export interface SessionMiddlewareOptions {
  /** The path the session links serve (the API's prefix); every other request skips them. */
  path: string;
  store: session.Store;
  /** The app secret as a key object (see AppSecret.key). */
  secret: KeyObject;
  maxAgeMs: number;
  secureCookies: boolean;
}

/**
 * Rolling expiry without a store write per request: a signed-in session is re-saved (new
 * expiry, new cookie) only once a tenth of its lifetime has passed since the last renewal.
 */
export function renewal(maxAgeMs: number): RequestHandler {
  const interval = maxAgeMs / 10;
  return (req, _res, next) => {
    if (req.user && req.session && Date.now() - (req.session.renewedAt ?? 0) >= interval) {
      req.session.renewedAt = Date.now();
    }
    next();
  };
}

/**
 * A session whose generation is older than the user's (password changed elsewhere), whose
 * user is gone (deserializer found nobody) or suspended is destroyed; the request goes on
 * signed out.
 */
export const revocation: RequestHandler = (req, _res, next) => {
  const user = req.user as User | undefined;
  // passport empties `session.passport` when the deserializer finds no user (account deleted)
  const orphaned = !user && req.session?.passport !== undefined;
  const stale =
    user !== undefined &&
    (req.session.generation !== user.sessionGeneration || Boolean(user.suspendedAt));
  if (!orphaned && !stale) return next();
  req.user = undefined;
  req.session.destroy((error) => next(error));
};

/** Errors raised by the session store or while loading the session's user: a dependency is down. */
export const sessionErrors: ErrorRequestHandler = (
  error: unknown,
  req: Request,
  res: Response,
  _next: NextFunction,
) => {
  new Logger('Sessions').warn(`Session unavailable: ${String(error)}`);
  // The session could not be loaded, so req.session is unset; with `unset: 'destroy'`
  // express-session would then delete the session from the store when this answer ends (a
  // delete that lands once the store is reachable again, signing the user out). Forget its id.
  (req as { sessionID?: string }).sessionID = undefined;
  sendProblem(res, 503, 'unavailable', 'Sessions are unavailable right now; try again shortly.');
};

/**
 * The session links of the request chain, in order: session, passport, revocation, renewal, as
 * one middleware for requests under `path`, skipped by anonymous reads (see needsSession); then
 * their error handler. A signed-in request reads its session once and writes it only when it
 * changed or renews (resave off, no touch). Both are mounted at the root and test the path
 * themselves (see chain).
 */
export function sessionMiddlewares(
  options: SessionMiddlewareOptions,
): [RequestHandler, ErrorRequestHandler] {
  const links = chain([
    session({
      name: SESSION_COOKIE,
      store: options.store,
      // express-session hands the secret to cookie-signature, which takes a KeyObject (1.2+);
      // only express-session's types say string.
      secret: options.secret as unknown as string,
      resave: false,
      saveUninitialized: false,
      rolling: false,
      unset: 'destroy',
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        maxAge: options.maxAgeMs,
      },
    }),
    passport.initialize(),
    passport.session(),
    revocation,
    renewal(options.maxAgeMs),
  ]);
  const { path } = options;
  return [
    (req, res, next) =>
      isUnder(path, req.url) && needsSession(req) ? links(req, res, next) : next(),
    (error: unknown, req: Request, res: Response, next: NextFunction) =>
      isUnder(path, req.url) ? sessionErrors(error, req, res, next) : next(error),
  ];
}
