import { CanActivate, ExecutionContext, createParamDecorator, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../../common/errors/domain-error';
import { requestLocale } from '../../../common/http/locale';
import { PUPIL_COOKIE, PUPIL_HEADER, PupilSession } from './pupil-session';
import { PupilSessionsService } from './pupil-sessions.service';

/**
 * The gate of the pupil routes: a pupil session from the cookie or the `X-Pupil-Session`
 * header, else 401. Pupil routes are public to the staff gate (pupils have no account);
 * this guard is what lets a pupil in, and only here.
 */
@Injectable()
export class PupilGuard implements CanActivate {
  constructor(private readonly sessions: PupilSessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const header = req.headers[PUPIL_HEADER];
    const secret = typeof header === 'string' && header ? header : req.cookies?.[PUPIL_COOKIE];
    const pupil = typeof secret === 'string' && secret ? await this.sessions.resolve(secret, requestLocale(req)) : null;
    if (!pupil) throw new DomainError('pupil_login_required');
    req.pupil = pupil;
    return true;
  }
}

export const CurrentPupil = createParamDecorator((_: unknown, ctx: ExecutionContext): PupilSession => {
  const pupil = ctx.switchToHttp().getRequest<Request>().pupil;
  if (!pupil) throw new Error('CurrentPupil used without the PupilGuard');
  return pupil;
});
