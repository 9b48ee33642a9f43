import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/auth/role';
import { ApiClient, newClass, newCompany, newPupil, newSchool, newStaff } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Walks every route of the API document that takes an id, for every role, with ids of
 * another organisation, and fails if anything leaks: a member must get the same answer
 * for a foreign id as for an id that does not exist (404, or 403 where the role may not
 * call the route at all), and nothing of the foreign organisation may change.
 * New routes join the walk by themselves; one with an unknown path parameter or without a
 * sample body fails here until it is given one.
 */
type Ids = Record<string, string>;
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

describe('tenancy: no organisation reaches another one’s data', () => {
  let t: TestApp;
  let routes: Array<{ method: Method; path: string; params: string[]; isPublic: boolean }>;
  let organiser: ApiClient;
  let partner: ApiClient;
  const actors: Record<string, { client: ApiClient; own: Ids; foreign: Ids }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    partner = (await newStaff(t, Role.Partner)).client;

    // Two of each kind, fully furnished, so every id parameter has an own and a foreign value.
    const furnish = async () => {
      const company = await newCompany(t, { approvedBy: organiser });
      const school = await newSchool(t, { approvedBy: organiser });
      const schoolClass = await newClass(school.client, school.id);
      const pupil = await newPupil(school.client, school.id, schoolClass.id);
      const companyInvitation = await company.client.post('/api/v1/invitations', { email: `${randomUUID()}@firma.example` }).expect(201);
      const schoolInvitation = await school.client.post('/api/v1/invitations', { email: `${randomUUID()}@schule.example` }).expect(201);
      const companyToken = await company.client.post('/api/v1/auth/tokens', { name: 'walk' }).expect(201);
      const schoolToken = await school.client.post('/api/v1/auth/tokens', { name: 'walk' }).expect(201);
      return {
        company: { client: company.client, ids: { companyId: company.id, invitationId: companyInvitation.body.id, tokenId: companyToken.body.id } },
        school: {
          client: school.client,
          ids: { schoolId: school.id, classId: schoolClass.id, pupilId: pupil.id, invitationId: schoolInvitation.body.id, tokenId: schoolToken.body.id },
        },
        all: { companyId: company.id, schoolId: school.id, classId: schoolClass.id, pupilId: pupil.id },
      };
    };
    const mine = await furnish();
    const theirs = await furnish();
    const foreign = { ...theirs.all, invitationId: theirs.company.ids.invitationId, tokenId: theirs.company.ids.tokenId };
    actors['company member'] = { client: mine.company.client, own: mine.company.ids, foreign };
    actors['school member'] = {
      client: mine.school.client,
      own: mine.school.ids,
      foreign: { ...foreign, invitationId: theirs.school.ids.invitationId, tokenId: theirs.school.ids.tokenId },
    };
    actors['staff'] = { client: organiser, own: mine.all, foreign: {} };

    const doc = (await request(t.http).get('/api/docs-json').expect(200)).body;
    routes = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method as Method,
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      })),
    );
  });
  afterAll(() => t.close());

  // A valid body for each changing route, so the request reaches the tenant check instead of
  // stopping at validation. Ids in bodies point at the foreign organisation too.
  const sampleBody = (method: Method, path: string, ids: Ids): object | undefined => {
    const key = `${method.toUpperCase()} ${path}`;
    const samples: Record<string, object> = {
      'PATCH /api/v1/companies/{companyId}': { town: 'Geleakt' },
      'POST /api/v1/companies/{companyId}/approve': {},
      'POST /api/v1/companies/{companyId}/reject': { reason: 'Test' },
      'PATCH /api/v1/schools/{schoolId}': { town: 'Geleakt' },
      'POST /api/v1/schools/{schoolId}/approve': {},
      'POST /api/v1/schools/{schoolId}/reject': { reason: 'Test' },
      'POST /api/v1/schools/{schoolId}/classes': { name: '9z', grade: 9, pupilCount: 20, classTeacher: 'Frau Leck' },
      'PATCH /api/v1/schools/{schoolId}/classes/{classId}': { pupilCount: 1 },
      'POST /api/v1/schools/{schoolId}/pupils': { firstName: 'X', lastName: 'Y', classId: ids.classId ?? randomUUID(), consentRecordedOn: '2026-09-01' },
      'PATCH /api/v1/schools/{schoolId}/pupils/{pupilId}': { firstName: 'Geleakt' },
    };
    if (method === 'get' || method === 'delete') return undefined;
    if (!(key in samples)) throw new Error(`tenancy walk: add a sample body for ${key}`);
    return samples[key];
  };

  const fill = (path: string, ids: Ids) => path.replace(/\{(\w+)\}/g, (_, name) => ids[name]);

  const call = (client: ApiClient, method: Method, path: string, ids: Ids) => {
    // Without a login the guard answers before any body is read.
    const body = client.token ? sampleBody(method, path, ids) : {};
    return method === 'get' || method === 'delete' ? client[method](fill(path, ids)) : client[method](fill(path, ids), body);
  };

  /** What must stay untouched by every foreign call: all organisation data, token secrets aside. */
  const snapshot = () =>
    t.dataSource.query(`
      SELECT (SELECT json_agg(c ORDER BY id) FROM companies c)::text AS companies,
             (SELECT json_agg(s ORDER BY id) FROM schools s)::text AS schools,
             (SELECT json_agg(k ORDER BY id) FROM school_classes k)::text AS classes,
             (SELECT json_agg(p ORDER BY id) FROM pupils p)::text AS pupils,
             (SELECT json_agg(i ORDER BY id) FROM invitations i)::text AS invitations,
             (SELECT json_agg(json_build_object('id', id, 'revoked', revoked_at) ORDER BY id) FROM api_tokens)::text AS tokens,
             (SELECT json_agg(json_build_object('id', id, 'role', role, 'company', company_id, 'school', school_id) ORDER BY id) FROM users)::text AS users`);

  it('enumerates the routes that take ids, and knows every id parameter', () => {
    const withIds = routes.filter((r) => r.params.length > 0);
    expect(withIds.length).toBeGreaterThanOrEqual(15);
    const known = new Set(['companyId', 'schoolId', 'classId', 'pupilId', 'invitationId', 'tokenId']);
    const unknown = withIds.flatMap((r) => r.params).filter((p) => !known.has(p));
    expect(unknown).toEqual([]); // a new id parameter needs own and foreign fixtures above
  });

  it.each(['company member', 'school member'])('%s: a foreign id answers exactly like a missing one, and changes nothing', async (name) => {
    const { client, own, foreign } = actors[name];
    const before = await snapshot();
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.params.length > 0)) {
      // Every mix of own and foreign ids, but not all-own: e.g. own school with a foreign class.
      const options = route.params.map((p) => [foreign[p], own[p]].filter(Boolean).map((v) => [p, v] as const));
      const combos = options.reduce<Array<Array<readonly [string, string]>>>((acc, opts) => acc.flatMap((a) => opts.map((o) => [...a, o])), [[]]);
      for (const combo of combos) {
        const ids = Object.fromEntries(combo);
        if (route.params.every((p) => ids[p] === own[p])) continue;
        const missing = Object.fromEntries(combo.map(([p, v]) => [p, v === own[p] ? v : randomUUID()]));
        const [answer, control] = [await call(client, route.method, route.path, ids), await call(client, route.method, route.path, missing)];
        const label = `${route.method.toUpperCase()} ${fill(route.path, ids)} (${route.path})`;
        if (answer.status < 400 || ![403, 404].includes(answer.status)) leaks.push(`${label} → ${answer.status}`);
        if (answer.status !== control.status || answer.body.code !== control.body.code) {
          leaks.push(`${label} → ${answer.status} ${answer.body.code}, but a missing id → ${control.status} ${control.body.code}`);
        }
        for (const value of Object.values(ids).filter((v) => !Object.values(own).includes(v))) {
          const { instance: _requestedPath, ...said } = answer.body;
          if (JSON.stringify(said).includes(value)) leaks.push(`${label} tells about the foreign id ${value}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['company member', 'school member', 'staff'])('%s reaches its own data (the walk is not passing on 404s alone)', async (name) => {
    const { client, own } = actors[name];
    const reads = routes.filter((r) => r.method === 'get' && r.params.length > 0 && r.params.every((p) => own[p]));
    expect(reads.length).toBeGreaterThan(0);
    for (const route of reads) {
      const res = await call(client, 'get', route.path, own);
      expect({ route: route.path, status: res.status }).toEqual({ route: route.path, status: 200 });
    }
  });

  it('a partner reads every organisation but every change is refused as read-only', async () => {
    const ids = actors['staff'].own;
    const before = await snapshot();
    for (const route of routes.filter((r) => r.params.length > 0 && r.params.every((p) => ids[p]))) {
      const res = await call(partner, route.method, route.path, ids);
      const expected = route.method === 'get' ? 200 : 403;
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: expected });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('anonymous callers get 401 on every route that is not public', async () => {
    const anonymous = new ApiClient(t);
    const ids = { ...actors['staff'].own, invitationId: randomUUID(), tokenId: randomUUID() };
    for (const route of routes.filter((r) => !r.isPublic)) {
      const res = await call(anonymous, route.method, route.path, ids);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });
});
