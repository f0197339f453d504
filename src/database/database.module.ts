import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FreebConfig } from '../config/configuration';
import { buildDataSourceOptions } from './data-source-options';
import { TransactionHost } from './transaction-host';

/** The database connection and the transaction host, for every module. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<FreebConfig, true>) => {
        const database = config.get('database', { infer: true });
        return {
          ...buildDataSourceOptions(database),
          migrationsRun: database.migrationsRun,
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
  providers: [TransactionHost],
  exports: [TransactionHost],
})
export class DatabaseModule {}
