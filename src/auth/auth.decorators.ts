import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';

export const PUBLIC_ROUTE = 'praxisnah:public';
export const ALLOWED_ROLES = 'praxisnah:roles';
export const OWN_ACCOUNT = 'praxisnah:own-account';

/** Reachable without login (registration, login, health). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-public', true));

/** Only these roles may call the route; others get 403. Without it, every logged-in role may. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/**
 * The route changes only the caller's own account (logout, tokens, language), so even a
 * read-only partner may call it.
 */
export const OwnAccount = () => SetMetadata(OWN_ACCOUNT, true);

/** The logged-in actor of the request (set by the AuthGuard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<Request>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
