import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { problemFor, toDomainError } from './problem-details';

function send(error: unknown, req: Request, res: Response, logger: Logger) {
  const domainError = toDomainError(error);
  const problem = problemFor(domainError, req);
  if (problem.status >= 500) {
    const cause = error instanceof Error ? error : new Error(String(error));
    logger.error(`${req.method} ${req.originalUrl} failed: ${cause.message}`, cause.stack);
  }
  if (res.headersSent) return res.end();
  res.status(problem.status).set(problem.headers).send(JSON.stringify(problem.body));
}

/** Turns every error of a handler into problem details; nothing else writes error bodies. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    send(error, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

/** The same, for errors raised by Express middleware before Nest's router (body parser). */
export function problemDetailsMiddleware() {
  const logger = new Logger('Problem');
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => send(error, req, res, logger);
}
