import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AuthModule } from './auth/auth.module';
import { EventsModule } from './common/events/events.module';
import { ProblemDetailsFilter } from './common/errors/problem.filter';
import { createValidationPipe } from './common/errors/validation';
import { CrossOriginGuard } from './common/http/cross-origin.guard';
import { LifecycleModule } from './common/lifecycle/lifecycle.module';
import { LoggingModule } from './common/logging/logging.module';
import { FreebThrottlerGuard } from './common/throttling/freeb-throttler.guard';
import { ThrottlingModule } from './common/throttling/throttling.module';
import { FreebConfigModule } from './config/config.module';
import { hasWebBuild, setWebCacheHeaders, webDir } from './config/web';
import { DiscoveryModule } from './discovery/discovery.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ImagesModule } from './images/images.module';
import { JobsModule } from './jobs/jobs.module';
import { MediaModule } from './media/media.module';
import { ModerationModule } from './moderation/moderation.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PostsModule } from './posts/posts.module';
import { RelationsModule } from './relations/relations.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    FreebConfigModule,
    LoggingModule,
    LifecycleModule,
    DatabaseModule,
    EventsModule,
    JobsModule,
    ThrottlingModule,
    // Before UsersModule: its GET /api/users/suggested must be routed ahead of /api/users/:username.
    DiscoveryModule,
    ImagesModule,
    MediaModule,
    UsersModule,
    RelationsModule,
    AuthModule,
    PostsModule,
    ModerationModule,
    NotificationsModule,
    HealthModule,
    // Shareable pages with their social previews; registered before the catch-all below.
    WebModule,
    // The web client at /, with history fallback; the API, docs and health keep precedence.
    ServeStaticModule.forRootAsync({
      useFactory: () =>
        hasWebBuild()
          ? [
              {
                rootPath: webDir(),
                exclude: ['/api/{*path}', '/docs{*path}', '/health{*path}'],
                serveStaticOptions: { setHeaders: setWebCacheHeaders },
              },
            ]
          : [],
    }),
  ],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    // Guards run in this order: refuse cross-site writes before they count against a limit.
    { provide: APP_GUARD, useClass: CrossOriginGuard },
    { provide: APP_GUARD, useClass: FreebThrottlerGuard },
  ],
})
export class AppModule {}
