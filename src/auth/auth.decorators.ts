import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';

export const PUBLIC_ROUTE = 'praxisnah:public';
export const ALLOWED_ROLES = 'praxisnah:roles';
export const OWN_ACCOUNT = 'praxisnah:own-account';
export const COUNTED_ATTEMPTS = 'praxisnah:counted-attempts';
export const DOOR_TOO = 'praxisnah:door-too';

/** Attempts limited per person and window: the counter's key and the setting that holds the limit. */
export interface AttemptLimit {
  key: string;
  setting: 'BOOKING_LIMIT_PER_MINUTE';
  windowSeconds: number;
}

/** Reachable without login (registration, login, health). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-public', true));

/** Only these roles may call the route; others get 403. Without it, every logged-in role may. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/**
 * The route changes only the caller's own account (logout, tokens, language), so even a
 * read-only partner may call it.
 */
export const OwnAccount = () => SetMetadata(OWN_ACCOUNT, true);

/**
 * Entrance staff (the door role) may call the route too, though it does not name them: only
 * what a door login needs of its own account (logging out, its language). Every other route
 * that does not name the door role is closed to it, whatever else it allows.
 */
export const DoorToo = () => SetMetadata(DOOR_TOO, true);

/**
 * Every call of the route is an attempt counted against `limit`, in the same round trip as
 * the lookup of who calls (the AuthGuard), and refused with 429 past it.
 */
export const CountsAttempts = (limit: AttemptLimit) => SetMetadata(COUNTED_ATTEMPTS, limit);

/** The logged-in actor of the request (set by the AuthGuard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<Request>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
