import { ArgumentsHost, Catch } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toDomainError } from '../../../common/errors/problem-details';
import { WebExceptionFilter } from '../../../web/web-exception.filter';

/**
 * Errors on the pupils' pages: without a pupil session to the code login (pupils have no
 * account, so the members' login is no use to them); anything else as on every page.
 */
@Catch()
export class PupilPageFilter extends WebExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost) {
    if (toDomainError(error).code === 'pupil_login_required') {
      const req = host.switchToHttp().getRequest<Request>();
      host.switchToHttp().getResponse<Response>().redirect(303, `/tip?weiter=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    super.catch(error, host);
  }
}
