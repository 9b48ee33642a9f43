import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { problemFor, toDomainError } from '../common/errors/problem-details';
import { PageRenderer } from './page-renderer';
import { pageContext, pageLocale, text } from './web-context';

/**
 * Errors on pages become pages: not logged in → to the login (and back afterwards);
 * anything else → a page in the reader's language with the message the API would give.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  constructor(private readonly pages: PageRenderer) {}

  catch(error: unknown, host: ArgumentsHost) {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const domainError = toDomainError(error);
    if (domainError.code === 'unauthenticated') {
      res.redirect(303, `/anmelden?weiter=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    const problem = problemFor(domainError, req, pageLocale(req));
    if (problem.status >= 500) this.logger.error(`${req.method} ${req.originalUrl} failed: ${(error as Error)?.message}`);
    const locale = pageLocale(req);
    const message = domainError.code === 'route_not_found' || domainError.code === 'not_found' ? text(locale, 'error.notFound') : problem.body.detail;
    res
      .status(problem.status)
      .type('html')
      .send(this.pages.render('error', pageContext(req, res, text(locale, 'error.title'), { message })));
  }
}
