import fc from 'fast-check';
import request from 'supertest';
import { apiDocument, ApiDocument, documentedFields, fillPath, Operation, operationsOf } from './support/api-document';
import { AllocationRuns } from '../src/allocation/allocation-runs.service';
import { ApiClient } from './support/factories';
import { hostileId, hostileText, hostileValue } from './support/hostile-values';
import { sampleBody } from './support/sample-bodies';
import { changedTables, tableSnapshot } from './support/table-snapshot';
import { startTestApp, TestApp } from './support/test-app';
import { furnishWorld, idsFor, World } from './support/world';

/**
 * Property-based sweep over every route of the API document, for an organiser, a company
 * member and a school member: random and malformed bodies, query strings and path ids.
 * Whatever arrives, the answer is never a 500, and a refused request (4xx) leaves every table
 * as it was. The seed is fixed so a run is repeatable; fast-check prints it with the smallest
 * failing request and its error (another seed: HOSTILE_SEED=…).
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20270508);
/** Runs per route and role; routes with a body get twice as many (more to get wrong there). */
const RUNS_PER_ROUTE = Number(process.env.HOSTILE_RUNS ?? 6);

/** Logging out ends the caller's own token by design, which would end the sweep for that role. */
const NOT_SWEPT = ['POST /api/v1/auth/logout'];

interface HostileRequest {
  ids: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

describe('hostile input: every route, every role, random bodies, queries and ids', () => {
  let t: TestApp;
  let world: World;
  let doc: ApiDocument;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp();
    world = await furnishWorld(t);
    doc = await apiDocument(t);
    operations = operationsOf(doc).filter((op) => !NOT_SWEPT.includes(`${op.method.toUpperCase()} ${op.path}`));
  }, 120_000);
  afterAll(() => t.close());

  /** A body of the route's own shape with hostile values, or anything at all. */
  const bodyFor = (op: Operation, ids: Record<string, string>): fc.Arbitrary<unknown> => {
    const fields = op.body ? documentedFields(doc, op.body) : { top: [], nested: {} };
    const valid = op.params.length > 0 ? sampleBody(op.method, op.path, ids) ?? {} : {};
    const field = fields.top.length > 0 ? fc.constantFrom(...fields.top) : fc.constantFrom('id', 'status', '__proto__');
    return fc.oneof(
      // a valid body with one field turned hostile (reaches the services, not only validation)
      { weight: 4, arbitrary: fc.tuple(field, hostileValue).map(([name, value]) => ({ ...valid, [name]: value })) },
      // the documented fields, each left out or hostile
      fc.record(Object.fromEntries([...fields.top, 'id'].map((name) => [name, hostileValue])), { requiredKeys: [] }),
      // nested parts of a body (registrations) with hostile fields
      ...Object.entries(fields.nested).map(([part, inner]) =>
        fc.tuple(fc.constantFrom(...inner, 'role', 'status'), hostileValue).map(([name, value]) => ({ [part]: { [name]: value } })),
      ),
      // not an object at all, or one of any shape
      hostileValue,
      fc.jsonValue({ maxDepth: 3 }),
    );
  };

  const requestFor = (op: Operation, own: Record<string, string>): fc.Arbitrary<HostileRequest> =>
    fc
      .record({
        // DELETE with the world's own ids would only tear down the fixtures the sweep needs
        ids: fc.record(Object.fromEntries(op.params.map((p) => [p, op.method === 'delete' ? hostileId : fc.oneof(fc.constant(own[p]), hostileId)]))),
        query: fc.dictionary(fc.oneof(fc.constantFrom(...op.query, 'page', 'pageSize', 'sort'), hostileText), fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 })), { maxKeys: 3 }),
      })
      .chain(({ ids, query }) => bodyFor(op, { ...own, ...ids }).map((body) => ({ ids: ids as Record<string, string>, query, body })));

  const send = (client: ApiClient, op: Operation, req: HostileRequest) => {
    const url = fillPath(op.path, req.ids);
    const call = request(t.http)[op.method](url).set('Authorization', `Bearer ${client.token}`).query(req.query as Record<string, string>);
    if (op.method === 'get' || op.method === 'delete') return call;
    return call.set('Content-Type', 'application/json').send(JSON.stringify(req.body));
  };

  it.each(['organiser', 'company member', 'school member'] as const)('%s: never a 500, and a refused request changes nothing', async (role) => {
    const client = role === 'organiser' ? world.organiser : role === 'company member' ? world.company.client : world.school.client;
    const failures: string[] = [];
    for (const op of operations) {
      const own = idsFor(world, op.program);
      const details = await fc.check(
        fc.asyncProperty(requestFor(op, own), async (req) => {
          // a proposal an earlier request started finishes in the background and writes its
          // run: wait for it, or its write would be counted against this request
          await t.app.get(AllocationRuns).settled();
          const before = await tableSnapshot(t.dataSource);
          const res = await send(client, op, req);
          const label = `${op.method.toUpperCase()} ${op.path} → ${res.status} ${res.body?.code ?? ''}`;
          if (res.status >= 500) throw new Error(label);
          if (res.status >= 400) {
            expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
            if (res.body.code === 'validation_failed') expect(res.body.errors?.length).toBeGreaterThan(0);
            const changed = changedTables(before, await tableSnapshot(t.dataSource));
            if (changed.length > 0) throw new Error(`${label} but changed ${changed.join(', ')}`);
          }
        }),
        { seed: SEED, numRuns: op.body ? 2 * RUNS_PER_ROUTE : RUNS_PER_ROUTE, endOnFailure: true, includeErrorInReport: true },
      );
      if (details.failed) failures.push(`${op.method.toUpperCase()} ${op.path}\n${fc.defaultReportMessage(details)}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
