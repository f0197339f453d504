import { Global, Module } from '@nestjs/common';
import { ConfigService, ConfigModule as NestConfigModule } from '@nestjs/config';
import { AppSecret } from './app-secret';
import { type FreebConfig, loadConfiguration } from './configuration';

/** Typed configuration for every module, read through ConfigService<FreebConfig, true>, and the app secret. */
@Global()
@Module({
  imports: [
    NestConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [() => ({ ...loadConfiguration(process.env) })],
    }),
  ],
  providers: [
    {
      provide: AppSecret,
      inject: [ConfigService],
      useFactory: (config: ConfigService<FreebConfig, true>) =>
        AppSecret.from({
          app: config.get('app', { infer: true }),
          session: config.get('session', { infer: true }),
        }),
    },
  ],
  exports: [AppSecret],
})
export class FreebConfigModule {}
