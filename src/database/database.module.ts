import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

/** Where the data lives and over how many connections (one for the embedded database). */
export interface DatabaseTarget {
  url: string;
  poolSize: number;
  /** How long a request waits for a connection; long for the embedded database's single one. */
  connectionTimeoutMs?: number;
}

/** The TypeORM connection; entities register themselves with TypeOrmModule.forFeature. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot({ url, poolSize, connectionTimeoutMs }: DatabaseTarget): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url, poolSize, connectionTimeoutMs),
          autoLoadEntities: true,
          // Unreachable at start: TypeORM logs it and tries again every 3 s.
          retryAttempts: 10,
          retryDelay: 3000,
        }),
      ],
    };
  }
}
