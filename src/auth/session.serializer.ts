import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import type { SessionUser, User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';

type Done<T> = (error: unknown, value?: T) => void;

/**
 * The session holds only the user id; the user is loaded afresh on every request, only the
 * columns a request needs (who, the role, what revokes a session).
 */
@Injectable()
export class SessionSerializer extends PassportSerializer implements OnModuleDestroy {
  private closed = false;

  constructor(private readonly users: UsersService) {
    super();
  }

  /**
   * Passport keeps serializers in a process-wide list; once this app instance is closed its
   * serializer steps aside ('pass') for the next one (several apps in one test process).
   */
  onModuleDestroy(): void {
    this.closed = true;
  }

  serializeUser(user: User, done: Done<string>): void {
    if (this.closed) return done('pass');
    done(null, user.id);
  }

  deserializeUser(id: unknown, done: Done<SessionUser | false>): void {
    if (this.closed) return done('pass');
    if (typeof id !== 'string') return done(null, false);
    this.users.findSessionUser(id).then((user) => done(null, user ?? false), done);
  }
}
