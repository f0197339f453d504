import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Request } from 'express';
import passport from 'passport';
import {
  type SessionCaller,
  SessionCallersRepository,
  loadedCaller,
} from './session/session-callers.repository';

type Done<T> = (error: unknown, value?: T) => void;

/**
 * The session holds only the user id; the caller is loaded afresh on every request, only
 * what a request needs (who, the role, what revokes a session, whether blocks or mutes
 * apply). The database store reads it with the session; otherwise it is read here.
 */
@Injectable()
export class SessionSerializer implements OnModuleDestroy {
  private closed = false;

  constructor(private readonly callers: SessionCallersRepository) {
    passport.serializeUser((user: Express.User, done: Done<string>) => this.serialize(user, done));
    // Three parameters: passport then hands over the request first.
    passport.deserializeUser((req: Request, id: unknown, done: Done<SessionCaller | false>) =>
      this.deserialize(id, req, done),
    );
  }

  /**
   * Passport keeps serializers in a process-wide list; once this app instance is closed its
   * serializer steps aside ('pass') for the next one (several apps in one test process).
   */
  onModuleDestroy(): void {
    this.closed = true;
  }

  private serialize(user: Express.User, done: Done<string>): void {
    if (this.closed) return done('pass');
    done(null, user.id);
  }

  private deserialize(id: unknown, req: Request, done: Done<SessionCaller | false>): void {
    if (this.closed) return done('pass');
    if (typeof id !== 'string') return done(null, false);
    const loaded = loadedCaller(req);
    if (loaded === null) return done(null, false);
    if (loaded?.id === id) return done(null, loaded);
    this.callers.find(id).then((caller) => done(null, caller ?? false), done);
  }
}
