import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the app reads, with its default.
 * README.md lists the same table for people; keep them in step.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Where people reach the app; used in links (invitations, calendars, mails). */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'must be an absolute http(s) URL such as http://localhost:3000' })
  PUBLIC_URL = 'http://localhost:3000';

  /** A PostgreSQL server. Unset: the embedded PostgreSQL (PGlite) under DATA_DIR. */
  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a PostgreSQL URL such as postgres://user@host:5432/praxisnah' })
  DATABASE_URL?: string;

  @IsString() @MinLength(1)
  DATA_DIR = './data';

  /** Connections to DATABASE_URL of this `npm start`, all its workers together. */
  @Transform(toInt) @IsInt() @Min(2) @Max(100)
  DATABASE_POOL_SIZE = 10;

  /**
   * App workers (processes sharing the port) of one `npm start`: a number, or `auto` for one
   * per core. Only with DATABASE_URL: the embedded database belongs to a single process.
   */
  @Transform(({ value }) => (value === 'auto' ? 'auto' : toInt({ value })))
  @ValidateIf((_o, value) => value !== 'auto') @IsInt({ message: 'must be a number of workers or auto' }) @Min(1) @Max(64)
  WEB_CONCURRENCY: number | 'auto' = 1;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Behind a reverse proxy: trust its X-Forwarded-For for client addresses (rate limits). */
  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 90)
  SESSION_TTL_HOURS = 12;

  /** On a first start with an empty embedded database (not in production): load the demo. */
  @Transform(toBool) @IsBoolean()
  DEMO = true;

  @Transform(toInt) @IsInt() @Min(8) @Max(128)
  PASSWORD_MIN_LENGTH = 10;

  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  LOGIN_WINDOW_SECONDS = 900;

  /** Registrations (companies and schools together) one client address may send per hour. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  REGISTRATION_LIMIT_PER_HOUR = 20;

  /** Booking requests one member may send per minute (class visits, stands, sessions, placements). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  BOOKING_LIMIT_PER_MINUTE = 60;

  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 90)
  INVITATION_TTL_HOURS = 168;

  /** Mail server, e.g. smtp://user:pass@mail.example:587. Unset: mails are kept in the app. */
  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an SMTP URL such as smtp://user:password@mail.example:587' })
  SMTP_URL?: string;

  /** Sender of every mail. */
  @IsString() @MinLength(3)
  MAIL_FROM = 'Praxisnah Nordthüringen <praxisnah@localhost>';

  /** How often the mail worker looks for mail to send, in ms; 0 turns the worker off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000)
  OUTBOX_POLL_MS = 2000;

  /** First retry after this many seconds; each further one waits twice as long (at most an hour). */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  MAIL_RETRY_BASE_SECONDS = 60;

  /** After this many failed attempts a mail is marked failed and shown to the organisers. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50)
  MAIL_MAX_ATTEMPTS = 8;

  /** Bodies and attachments of sent mails are deleted after this many days; the record stays. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  MAIL_BODY_RETENTION_DAYS = 90;

  /** Reminder mails go out this many days before an event or the first practice day. */
  @Transform(toInt) @IsInt() @Min(1) @Max(60)
  REMINDER_DAYS_BEFORE = 3;

  @Transform(toInt) @IsInt() @Min(5) @Max(24 * 60)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Pupils' data is deleted this many months after their last Praxistage term ended. */
  @Transform(toInt) @IsInt() @Min(1) @Max(120)
  PUPIL_RETENTION_MONTHS = 6;

  /**
   * The key the Handwerkertag check-in codes are derived from (HMAC of the booking id), so the
   * QR code can be shown again without being stored. Required in production; changing it
   * makes every printed code invalid.
   */
  @IsString() @MinLength(16)
  CHECK_IN_SECRET = 'praxisnah-development-check-in-secret';

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 100kb or 1mb' })
  BODY_LIMIT = '100kb';

  /** First organiser, created at start-up when no organiser exists yet. */
  @Transform(emptyToUndefined) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' })
  ORGANISER_EMAIL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  ORGANISER_PASSWORD?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  ORGANISER_NAME?: string;
}

/** The names of all variables above, optional ones included. */
export const ENVIRONMENT_VARIABLES: readonly string[] = [
  ...new Set([
    ...Object.keys(new Environment()),
    'DATABASE_URL', 'SMTP_URL', 'ORGANISER_EMAIL', 'ORGANISER_PASSWORD', 'ORGANISER_NAME',
  ]),
];

export type AppConfig = Readonly<Environment> & {
  readonly cookieSecure: boolean;
  readonly embeddedDatabase: boolean;
  /** A first start loads the demo: the embedded database, DEMO not off, no organiser configured, not production. */
  readonly demoOnFirstStart: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      'Die Konfiguration ist ungültig / invalid configuration:\n' +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}

/** Reads and checks the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input: Record<string, string> = {};
  for (const key of ENVIRONMENT_VARIABLES) {
    if (env[key] !== undefined) input[key] = env[key] as string;
  }
  const parsed = plainToInstance(Environment, input);
  const errors = validateSync(parsed, { whitelist: true });
  const problems = errors.map((error) => {
    const expected = Object.values(error.constraints ?? {})
      .map((message) => message.replace(`${error.property} `, ''))
      .join('; ');
    return `${error.property}=${JSON.stringify(error.value)}: ${expected}`;
  });
  if (parsed.ORGANISER_EMAIL && !parsed.ORGANISER_PASSWORD) {
    problems.push('ORGANISER_PASSWORD: must be set when ORGANISER_EMAIL is set');
  }
  if (parsed.ORGANISER_PASSWORD && parsed.ORGANISER_PASSWORD.length < parsed.PASSWORD_MIN_LENGTH) {
    problems.push(`ORGANISER_PASSWORD: must be at least ${parsed.PASSWORD_MIN_LENGTH} characters long`);
  }
  if (parsed.NODE_ENV === 'production' && env.CHECK_IN_SECRET === undefined) {
    problems.push('CHECK_IN_SECRET: must be set in production (the check-in codes are derived from it)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...parsed,
    cookieSecure: parsed.NODE_ENV === 'production',
    embeddedDatabase: !parsed.DATABASE_URL,
    demoOnFirstStart: !parsed.DATABASE_URL && parsed.DEMO && !parsed.ORGANISER_EMAIL && parsed.NODE_ENV !== 'production',
  });
}
