import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM connection; entities register themselves with TypeOrmModule.forFeature. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string, poolSize: number): DynamicModule {
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
