import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { workerNumber } from '../cluster/app-workers';

/** For load balancers and people: 200 `ok` when the database answers, else 503. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response) {
    try {
      await this.dataSource.query('SELECT 1');
      // which worker answered, where one `npm start` runs several (WEB_CONCURRENCY)
      const worker = workerNumber();
      return { status: 'ok', database: 'ok', ...(worker ? { worker } : {}) };
    } catch {
      res.status(503);
      return { status: 'unavailable', database: 'unreachable' };
    }
  }
}
