import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FreebConfig } from '../config/configuration';
import { buildDataSourceOptions } from './data-source-options';
import { armMysqlDeadlines } from './mysql-deadlines';
import { TransactionHost } from './transaction-host';

/** Arms the deadlines once the data source is up: migrations at start run without them. */
@Injectable()
class DatabaseDeadlines implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<FreebConfig, true>,
  ) {}

  onModuleInit(): void {
    armMysqlDeadlines(this.dataSource, this.config.get('database', { infer: true }).timeoutMs);
  }
}

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
  providers: [TransactionHost, DatabaseDeadlines],
  exports: [TransactionHost],
})
export class DatabaseModule {}
