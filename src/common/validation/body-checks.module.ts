import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { bodyProblems } from './body-checks';

/**
 * Checks every JSON body as a whole before guards, decorators and pipes read it: some of
 * them walk the body recursively (the idempotency fingerprint), which 10,000 levels of
 * nesting would overflow into a 500.
 */
export function checkJsonBody(req: Request, _res: Response, next: NextFunction) {
  if (req.body !== null && typeof req.body === 'object' && req.is('application/json')) {
    const problems = bodyProblems(req.body);
    if (problems.length > 0) return next(new DomainError('validation_failed', {}, problems));
  }
  next();
}

@Module({})
export class BodyChecksModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(checkJsonBody).forRoutes('*');
  }
}
