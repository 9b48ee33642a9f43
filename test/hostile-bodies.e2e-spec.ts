import request from 'supertest';
import { apiDocument, ApiDocument, documentedFields, fillPath, Operation, operationsOf } from './support/api-document';
import { ApiClient } from './support/factories';
import { HOSTILE_DATES } from './support/hostile-values';
import { sampleBody } from './support/sample-bodies';
import { changedTables, tableSnapshot } from './support/table-snapshot';
import { startTestApp, TestApp } from './support/test-app';
import { furnishWorld, idsFor, World } from './support/world';

/**
 * Specific hostile bodies on every route that takes one, and mass assignment: whatever the
 * body, the answer is a 4xx naming the field where there is one, and nothing is written.
 * (Malformed JSON, non-object bodies and wrong types of the registration are in bad-input.)
 */
const CHANGING = ['post', 'patch', 'put'];
/** The .ics import needs its school year in the query: walked on its own below. */
const OWN_TEST = ['POST /api/v1/school-holidays/import'];
/** Fields a client must never set: who owns a thing, its state, its counters. */
const PRIVILEGED = ['id', 'status', 'capacity', 'booked', 'free', 'role', 'companyId', 'schoolId', 'organisationId', 'userId', 'eventId', 'createdBy', 'createdAt', 'updatedAt', 'version', 'approvedAt', 'passwordHash', 'isAdmin'];
/** Quantities that count people or places: none of them can be zero (but a slot can be closed). */
const AT_LEAST_ONE = ['capacity', 'pupils', 'placesPerWeekday', 'staffCount', 'standCount', 'grade', 'weekday', 'number', 'team', 'standNumber', 'expiresInDays'];

/** A JSON body with one field written as raw JSON text (what JSON.stringify cannot produce). */
function withRawField(body: Record<string, unknown>, field: string, rawJson: string) {
  const { [field]: _replaced, ...rest } = body;
  return JSON.stringify(rest).replace(/^\{/, `{"${field}":${rawJson}${Object.keys(rest).length > 0 ? ',' : ''}`);
}

describe('hostile bodies on every changing route', () => {
  let t: TestApp;
  let world: World;
  let doc: ApiDocument;
  let routes: Operation[];

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '100kb' });
    world = await furnishWorld(t);
    doc = await apiDocument(t);
    // pupils' routes answer 401 before any body without a pupil session; the year's own tests send them bad bodies
    routes = operationsOf(doc).filter((op) => CHANGING.includes(op.method) && op.body && !OWN_TEST.includes(`${op.method.toUpperCase()} ${op.path}`) && !op.path.startsWith('/api/v1/pupil/'));
  }, 120_000);
  afterAll(() => t.close());

  const key = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;
  const url = (op: Operation) => fillPath(op.path, idsFor(world, op.program));
  const valid = (op: Operation) => sampleBody(op.method, op.path, idsFor(world, op.program)) as Record<string, unknown>;
  const raw = (client: ApiClient | undefined, op: Operation, body: string | Buffer) => {
    // bytes as they are: superagent would otherwise write a Buffer as JSON ({"type":"Buffer",…})
    const call = request(t.http)[op.method](url(op)).set('Content-Type', 'application/json').serialize((b: unknown) => b as string);
    return (client ? call.set('Authorization', `Bearer ${client.token}`) : call).send(body);
  };

  /**
   * Who gets past the guard of a route: the body is checked only after the role is. Public
   * routes are tried anonymously; others with the first role whose valid request is not a 403.
   */
  const callers = new Map<string, ApiClient | undefined>();
  const callerOf = async (op: Operation) => {
    if (!callers.has(key(op))) {
      let found: ApiClient | undefined;
      if (!op.isPublic) {
        for (const client of [world.organiser, world.company.client, world.school.client]) {
          const probe = await raw(client, op, JSON.stringify({ ...valid(op), '\u2063probe': 1 }));
          if (probe.status !== 403) {
            found = client;
            break;
          }
        }
      }
      callers.set(key(op), found);
    }
    return callers.get(key(op));
  };

  /** Sends a body and checks: a 4xx problem, no 500, not a row written. */
  const refused = async (op: Operation, body: string | Buffer) => {
    const before = await tableSnapshot(t.dataSource);
    const res = await raw(await callerOf(op), op, body);
    const changed = changedTables(before, await tableSnapshot(t.dataSource));
    return { status: res.status, code: res.body?.code as string, errors: (res.body?.errors ?? []) as Array<{ field: string; code: string }>, changed };
  };

  it('finds the routes and a caller that passes the guard of each', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const op of routes) {
      const res = await raw(await callerOf(op), op, JSON.stringify({ ...valid(op), '\u2063probe': 1 }));
      expect({ route: key(op), status: res.status, code: res.body.code }).toEqual({ route: key(op), status: 400, code: 'validation_failed' });
    }
  }, 120_000);

  it('refuses unknown fields in the JSON form of the holiday import too, and writes nothing', async () => {
    const organiser = await callerOf(routes.find((op) => op.path === '/api/v1/events')!);
    const before = await tableSnapshot(t.dataSource);
    const res = await request(t.http)
      .post('/api/v1/school-holidays/import?schoolYear=2026/27')
      .set('Authorization', `Bearer ${organiser!.token}`)
      .send({ ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', status: 'approved' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'status', code: 'unknownField' })]);
    expect(changedTables(before, await tableSnapshot(t.dataSource))).toEqual([]);
  });

  it('answers an oversized body with 413 and writes nothing', async () => {
    for (const op of routes) {
      const result = await refused(op, JSON.stringify({ ...valid(op), padding: 'x'.repeat(150_000) }));
      expect({ route: key(op), ...result }).toMatchObject({ route: key(op), status: 413, code: 'payload_too_large', changed: [] });
    }
  }, 120_000);

  it('answers 10,000 levels of nesting with a 4xx, not a stack overflow', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    for (const op of routes) {
      for (const body of [deep, deepArray]) {
        const result = await refused(op, body);
        expect({ route: key(op), status: result.status, changed: result.changed }).toEqual({ route: key(op), status: 400, changed: [] });
      }
      // nested inside a field the route knows
      const field = Object.keys(valid(op))[0] ?? 'x';
      const result = await refused(op, withRawField(valid(op), field, `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`));
      expect({ route: key(op), status: result.status, changed: result.changed }).toEqual({ route: key(op), status: 400, changed: [] });
    }
  }, 120_000);

  it('answers invalid UTF-8 bytes without a 500 and writes nothing', async () => {
    for (const op of routes) {
      const body = Buffer.concat([Buffer.from('{"\xff\xfe'.slice(0, 2)), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('": "\u0000'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
      const result = await refused(op, body);
      expect({ route: key(op), status: result.status, changed: result.changed }).toEqual({ route: key(op), status: 400, changed: [] });
    }
  }, 120_000);

  it('refuses well-formed JSON whose text holds bytes that are not UTF-8, instead of storing �', async () => {
    let checked = 0;
    for (const op of routes) {
      const field = Object.entries(valid(op)).find(([, value]) => typeof value === 'string')?.[0];
      if (!field) continue;
      const json = JSON.stringify({ ...valid(op), [field]: 'MARK' });
      const [before, after] = json.split('MARK');
      const body = Buffer.concat([Buffer.from(before), Buffer.from('Bäcker', 'latin1'), Buffer.from(after)]); // ä as one latin-1 byte
      const result = await refused(op, body);
      expect({ route: key(op), status: result.status, code: result.code, changed: result.changed }).toEqual({
        route: key(op), status: 400, code: 'body_encoding_invalid', changed: [],
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  }, 120_000);

  it('refuses huge, fractional, negative and zero numbers in every number field, naming it', async () => {
    let checked = 0;
    for (const op of routes) {
      const schema = doc.components.schemas[op.body!] as { properties?: Record<string, { type?: string }> };
      const numbers = Object.entries(schema.properties ?? {}).filter(([, p]) => p.type === 'number').map(([name]) => name);
      for (const field of numbers) {
        const mayBeZero = !AT_LEAST_ONE.includes(field) || (key(op) === 'PATCH /api/v1/events/{eventId}/time-slots/{slotId}' && field === 'capacity');
        const hostile = [1e308, -1e308, 2 ** 53 + 1, 1.5, -1, ...(mayBeZero ? [] : [0])];
        for (const value of hostile) {
          const result = await refused(op, JSON.stringify({ ...valid(op), [field]: value }));
          expect({ route: key(op), field, value, status: result.status, named: result.errors.map((e) => e.field), changed: result.changed }).toEqual({
            route: key(op), field, value, status: 400, named: [field], changed: [],
          });
          checked++;
        }
      }
      // numbers written as text, or beyond JSON doubles, are no numbers either
      for (const field of numbers) {
        const result = await refused(op, withRawField(valid(op), field, '1e999999'));
        expect({ route: key(op), field, status: result.status, changed: result.changed }).toEqual({ route: key(op), field, status: 400, changed: [] });
      }
    }
    expect(checked).toBeGreaterThanOrEqual(60);
  }, 120_000);

  it('refuses dates and instants out of range or that do not exist, naming the field', async () => {
    let checked = 0;
    for (const op of routes) {
      const body = valid(op);
      const dated = Object.entries(body).filter(([, v]) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)).map(([name]) => name);
      for (const field of dated) {
        for (const value of HOSTILE_DATES.filter((d) => d !== '2026-03-29T02:30' && d !== '2026-02-29' && d !== '1900-01-01')) {
          const result = await refused(op, JSON.stringify({ ...body, [field]: value }));
          expect({ route: key(op), field, value, status: result.status, named: result.errors.map((e) => e.field), changed: result.changed }).toEqual({
            route: key(op), field, value, status: 400, named: [field], changed: [],
          });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(100);
  }, 120_000);

  it('mass assignment: refuses every field the body schema does not document, naming it as unknown', async () => {
    for (const op of routes) {
      const { top, nested } = documentedFields(doc, op.body!);
      const undocumented = [...PRIVILEGED, `${top[0] ?? 'feld'}Extra`].filter((name) => !top.includes(name));
      for (const name of undocumented) {
        const result = await refused(op, JSON.stringify({ ...valid(op), [name]: name === 'status' ? 'approved' : name === 'role' ? 'organiser' : world.ids.companyId }));
        expect({ route: key(op), name, ...result, errors: result.errors.filter((e) => e.field === name) }).toEqual({
          route: key(op), name, status: 400, code: 'validation_failed', errors: [{ field: name, code: 'unknownField', message: expect.any(String) }], changed: [],
        });
      }
      for (const [part, fields] of Object.entries(nested)) {
        for (const name of PRIVILEGED.filter((n) => !fields.includes(n))) {
          const body = valid(op);
          const result = await refused(op, JSON.stringify({ ...body, [part]: { ...(body[part] as object), [name]: 'organiser' } }));
          expect({ route: key(op), field: `${part}.${name}`, status: result.status, named: result.errors.map((e) => e.field), changed: result.changed }).toEqual({
            route: key(op), field: `${part}.${name}`, status: 400, named: [`${part}.${name}`], changed: [],
          });
        }
      }
    }
  }, 180_000);
});
