import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { ALLOWED_ROLES, AttemptLimit, COUNTED_ATTEMPTS, DOOR_TOO, OWN_ACCOUNT, PUBLIC_ROUTE } from './auth.decorators';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { refuseOverLimit } from '../common/rate-limit/rate-limiter.service';
import { CredentialsService, SESSION_COOKIE } from './credentials.service';
import { Role } from '../common/identity/role';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate of every route: resolves the actor from the bearer token or session cookie,
 * refuses anonymous calls to non-public routes (401), roles the route does not allow (403),
 * any change by a read-only partner (403), and the door role anywhere but where a route
 * names it (403), and — on a route that counts attempts (booking routes) — a person past the
 * limit (429), counted in the same round trip as the lookup. Which rows an actor may touch is decided
 * by the tenant-scoped repositories (tenant-scope.ts), never in a handler.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const counting = this.reflector.getAllAndOverride<AttemptLimit | undefined>(COUNTED_ATTEMPTS, targets);

    req.actor = (await this.resolveActor(req, isPublic, counting)) ?? undefined;
    if (isPublic) return true;
    const actor = req.actor;
    if (!actor) throw new DomainError('unauthenticated');

    const ownAccount = this.reflector.getAllAndOverride<boolean>(OWN_ACCOUNT, targets) ?? false;
    if (actor.role === Role.Partner && !SAFE_METHODS.has(req.method) && !ownAccount) {
      throw new DomainError('read_only');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) throw new DomainError('forbidden');
    // Entrance staff reach only the routes that name them and the two of their own account
    // marked for them (logout, language): a route that forgets its roles stays closed to
    // them, and so do the other own-account routes (API tokens, the calendar feed).
    const doorToo = this.reflector.getAllAndOverride<boolean>(DOOR_TOO, targets) ?? false;
    if (actor.role === Role.Door && !roles?.includes(Role.Door) && !doorToo) throw new DomainError('forbidden');
    if (counting && actor.countedAttempt) refuseOverLimit(actor.countedAttempt, this.config[counting.setting]);
    return true;
  }

  private async resolveActor(req: Request, isPublic: boolean, counting?: AttemptLimit) {
    const authorization = req.headers.authorization;
    if (typeof authorization === 'string' && authorization.length > 0) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match ? await this.credentials.actorForToken(match[1], counting) : null;
      // A wrong token is always an error, even on a public route: the client must know.
      if (!actor) throw new DomainError('unauthenticated');
      return actor;
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (typeof cookie === 'string' && cookie.length > 0) {
      const actor = await this.credentials.actorForSession(cookie, counting);
      if (!actor && !isPublic) throw new DomainError('unauthenticated');
      return actor;
    }
    return null;
  }
}
