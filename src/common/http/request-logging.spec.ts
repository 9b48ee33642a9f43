import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../config/environment';
import { loggingOptions } from './request-logging';

describe('log lines', () => {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });
  const written = (options: pino.LoggerOptions, stream?: Writable) => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = pino(options, stream ?? sink);
    logger.info({ context: 'Outbox' }, 'eine Mail verschickt');
    return lines;
  };

  it('are JSON when not written to a terminal (a file, a log collector)', () => {
    const { pinoHttp } = loggingOptions(config, false) as { pinoHttp: pino.LoggerOptions };
    expect(Array.isArray(pinoHttp)).toBe(false);
    const [line] = written(pinoHttp);
    expect(JSON.parse(line)).toMatchObject({ level: 30, msg: 'eine Mail verschickt', context: 'Outbox' });
  });

  it('are readable lines on a terminal: time, level, context and message, no JSON', () => {
    const lines: string[] = [];
    const terminal = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const { pinoHttp } = loggingOptions(config, true, terminal) as { pinoHttp: [pino.LoggerOptions, Writable] };
    const [options, pretty] = pinoHttp;
    written(options, pretty);
    const text = lines.join('');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[Outbox\] eine Mail verschickt/);
    expect(() => JSON.parse(text)).toThrow();
  });
});
