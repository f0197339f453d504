import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule, getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { RateLimitStorageModule } from '../common/throttling/throttling.module';
import type { FreebConfig } from '../config/configuration';
import { RelationsModule } from '../relations/relations.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { DeviceCookies } from './login/device-cookie';
import { LoginThrottle } from './login/login-throttle';
import { PasswordHasher } from './password/password-hasher';
import { SessionSerializer } from './session.serializer';
import { DatabaseSessionBackend } from './session/database-session.backend';
import { DynamoSessionBackend } from './session/dynamodb-session.backend';
import { SessionBackend } from './session/session-backend';
import { SessionCallersRepository } from './session/session-callers.repository';
import { SessionRecord } from './session/session.entity';
import { TransactionHost } from '../database/transaction-host';

@Module({
  imports: [
    UsersModule,
    RelationsModule,
    PassportModule.register({ session: true }),
    TypeOrmModule.forFeature([SessionRecord]),
    RateLimitStorageModule,
  ],
  controllers: [AuthController, AccountController],
  providers: [
    AuthService,
    PasswordHasher,
    LocalStrategy,
    SessionSerializer,
    DeviceCookies,
    LoginThrottle,
    SessionCallersRepository,
    {
      provide: SessionBackend,
      inject: [
        ConfigService,
        getRepositoryToken(SessionRecord),
        TransactionHost,
        SessionCallersRepository,
      ],
      useFactory: (
        config: ConfigService<FreebConfig, true>,
        sessions: Repository<SessionRecord>,
        db: TransactionHost,
        callers: SessionCallersRepository,
      ) => {
        const session = config.get('session', { infer: true });
        return session.store === 'dynamodb'
          ? new DynamoSessionBackend(session.dynamodb)
          : new DatabaseSessionBackend(sessions, db, callers);
      },
    },
  ],
  exports: [SessionBackend],
})
export class AuthModule {}
