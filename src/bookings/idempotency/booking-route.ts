import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, Post, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { map } from 'rxjs';
import { CountsAttempts, Roles } from '../../auth/auth.decorators';
import { BOOKING_ATTEMPTS } from './booking-attempts';
import { Role } from '../../common/identity/role';
import { IDEMPOTENCY_HEADER_DOC } from './idempotency-doc';
import { StoredResponse } from './idempotency.service';
import { respond } from './respond';

/** Sends what an idempotent booking answered: its body, and on a replay the header that says so. */
@Injectable()
export class IdempotentAnswer implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((answer: StoredResponse<unknown>) => respond(res, answer)));
  }
}

/**
 * A route that books: POST for the given roles, taking an Idempotency-Key (documented in the
 * API), its handler returning the idempotency service's stored answer. Every program's booking
 * route is this one decorator and a one-line handler.
 */
export const BookingRoute = (path: string, ...roles: Role[]) =>
  applyDecorators(Post(path), Roles(...roles), CountsAttempts(BOOKING_ATTEMPTS), ApiHeader(IDEMPOTENCY_HEADER_DOC), UseInterceptors(IdempotentAnswer));
