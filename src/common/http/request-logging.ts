import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import type { AppConfig } from '../../config/environment';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Gives the request its id once (the first middleware does it, before the body parser). */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON logs; every line of a request carries its id, which is also sent back
 * as X-Request-Id (taken over from the client or proxy when it sends a sane one). Written to
 * a terminal, the same lines are made readable for a person (time, level, message); to a
 * file or a log collector they stay JSON.
 */
export function loggingOptions(config: AppConfig, terminal = process.stdout.isTTY === true, destination: number | NodeJS.WritableStream = 1): Params {
  const options: Options = {
    level: config.LOG_LEVEL,
    genReqId: (req: IncomingMessage, res: ServerResponse) => assignRequestId(req, res),
    // Never log secrets: cookies, tokens, passwords.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/health' },
  };
  // synchronous, in this thread: no worker thread and no lines lost when the process stops
  return { pinoHttp: terminal ? [options, pretty({ sync: true, destination, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,context', messageFormat: '{if context}[{context}] {end}{msg}' })] : options };
}
