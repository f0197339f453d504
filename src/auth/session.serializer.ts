import { Injectable } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';

type Done<T> = (error: unknown, value?: T) => void;

/** The session holds only the user id; the user is loaded afresh on every request. */
@Injectable()
export class SessionSerializer extends PassportSerializer {
  constructor(private readonly users: UsersService) {
    super();
  }

  serializeUser(user: User, done: Done<string>): void {
    done(null, user.id);
  }

  deserializeUser(id: unknown, done: Done<User | false>): void {
    if (typeof id !== 'string') return done(null, false);
    this.users.findById(id).then((user) => done(null, user ?? false), done);
  }
}
