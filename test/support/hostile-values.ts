import fc from 'fast-check';

/** Markup and SQL in one text: must be stored verbatim and shown escaped everywhere. */
export const MARKUP = `<script>alert(1)</script>' OR 1=1; --`;

/** Texts that break naive code: injections, control and odd unicode characters, path tricks. */
export const HOSTILE_TEXTS = [
  MARKUP,
  `Robert'); DROP TABLE bookings;--`,
  `"><img src=x onerror=alert(1)>`,
  '{{constructor.constructor("return process")()}}',
  '${7*7}',
  '=HYPERLINK("http://boese.example","klick")',
  '+49 3631 4711',
  '@SUM(A1)',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\u202egnp.exe',
  'Zoë Ǆ 🏳️‍🌈 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '%00%27',
  '\r\nSet-Cookie: x=1',
  ' ',
  '',
  'null',
  'x'.repeat(5_001),
];

/** Numbers a quantity or id must not take: out of range, fractional, beyond double precision. */
export const HOSTILE_NUMBERS = [0, -1, -0, 0.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e21, 2 ** 31, -(2 ** 31) - 1, 4.9e-324];

/** Dates and instants that do not exist or lie outside what JavaScript and PostgreSQL keep. */
export const HOSTILE_DATES = [
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '275760-09-14',
  '+275760-09-13T00:00:00.000Z',
  '275761-01-01T00:00',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  '2026-02-30T08:00',
  '2026-13-01',
  '2026-02-29',
  '2026-06-01T24:00',
  '2026-03-29T02:30', // the hour that does not exist in Berlin
  '1900-01-01',
  '-000001-01-01T00:00:00Z',
  'NaN',
  'Infinity',
  'today',
];

export const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.integer(),
  // NaN and ±Infinity become null in JSON, which is a hostile value of its own
  fc.double(),
);

export const hostileDate = fc.constantFrom(...HOSTILE_DATES);

/** Any JSON value a field could receive instead of the right one, nested a few levels. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    hostileNumber,
    hostileDate,
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileText, fc.constantFrom('$gt', '__proto__', 'constructor', 'id')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A path id: not a uuid, a uuid of nothing, or an injection. */
export const hostileId = fc.oneof(fc.uuid(), hostileText, fc.constantFrom('00000000-0000-0000-0000-000000000000', "1' OR '1'='1", '1;SELECT pg_sleep(1)', '-1', '0'));
