import { Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { loadConfiguration } from './configuration';

/** Typed configuration for every module, read through ConfigService<FreebConfig, true>. */
@Module({
  imports: [
    NestConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [() => ({ ...loadConfiguration(process.env) })],
    }),
  ],
})
export class FreebConfigModule {}
