import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { join } from 'node:path';
import { csrfProtection } from './web/csrf';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { problemDetailsMiddleware, ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { setUpOpenApi } from './common/openapi/openapi';
import { assignRequestId } from './common/http/request-logging';
import { requireUtf8 } from './common/http/require-utf8';
import { StrictValidationPipe } from './common/validation/validation.pipe';
import type { AppConfig } from './config/environment';
import { runMigrations } from './database/migrate';
import type { DatabaseTarget } from './database/database.module';

/**
 * Builds the whole app — the same for `npm start` and for the end-to-end tests — and
 * brings the schema up to date before it answers anything.
 */
export async function createApp(config: AppConfig, database: DatabaseTarget): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs(); // otherwise buffered until listen(), and tests never listen
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  // Security headers everywhere; a strict content policy (no inline code) on every page but
  // the API document, whose Swagger UI needs inline script.
  const strict = helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"] },
    },
  });
  const forApiDocs = helmet({ contentSecurityPolicy: false });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    (req.path.startsWith('/api/docs') ? forApiDocs : strict)(req, res, next),
  );
  app.useStaticAssets(join(__dirname, 'web', 'static'), { prefix: '/static/', maxAge: '1h' });

  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    assignRequestId(req, res);
    next();
  });
  app.use(express.json({ limit: config.BODY_LIMIT, verify: requireUtf8 }));
  app.use(express.urlencoded({ extended: false, limit: config.BODY_LIMIT, verify: requireUtf8 }));
  app.use(express.text({ type: 'text/calendar', limit: config.BODY_LIMIT, verify: requireUtf8 })); // holiday imports
  app.use(cookieParser());
  app.use(csrfProtection(config.cookieSecure));
  app.use(problemDetailsMiddleware()); // body parser errors: malformed JSON, too large

  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setUpOpenApi(app);

  await runMigrations(app.get(DataSource));
  return app;
}
