import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

/** Where the data lives and over how many connections (one for the embedded database). */
export interface DatabaseTarget {
  url: string;
  poolSize: number;
}

/** The TypeORM connection; entities register themselves with TypeOrmModule.forFeature. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot({ url, poolSize }: DatabaseTarget): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url, poolSize),
          autoLoadEntities: true,
          // Unreachable at start: TypeORM logs it and tries again every 3 s.
          retryAttempts: 10,
          retryDelay: 3000,
        }),
      ],
    };
  }
}
