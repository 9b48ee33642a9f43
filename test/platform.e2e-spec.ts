import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { migrations } from '../migrations';
import { ENVIRONMENT_VARIABLES } from '../src/config/environment';
import { schemaDrift } from '../src/database/schema-drift';
import { newCompany } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('platform: health, API document, request ids, errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health checks the database', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends a request id with every answer, taking over a sane one from the client', async () => {
    const own = await request(t.http).get('/health');
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await request(t.http).get('/health').set('X-Request-Id', 'proxy-4711');
    expect(given.headers['x-request-id']).toBe('proxy-4711');
    const hostile = await request(t.http).get('/health').set('X-Request-Id', 'a b <script>');
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('documents every route with its body, security and problem responses at /api/docs-json', async () => {
    const doc = (await request(t.http).get('/api/docs-json').expect(200)).body;
    await request(t.http).get('/api/docs').expect(200);
    expect(doc.components.schemas.ProblemDetails).toBeDefined();
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Record<string, unknown>>).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(30);
    for (const { path, method, op } of operations) {
      const responses = op.responses as Record<string, { content?: Record<string, unknown> }>;
      expect({ path, method, has400: Boolean(responses['400']?.content?.['application/problem+json']) }).toEqual({ path, method, has400: true });
      // a PUT that adds the named thing to a set (a pupil's Merkliste) carries no body either
      const bodyless = ['/approve', '/logout', '/registrations', '/retry', '/renew', '/run', '/submit', '/offer', '/accept', '/withdraw', '/marks/{steckbriefId}'].some((end) => path.endsWith(end));
      if (['post', 'patch', 'put'].includes(method) && !bodyless) {
        const schema = (op.requestBody as { content: Record<string, { schema: { $ref?: string } }> } | undefined)?.content?.['application/json']?.schema;
        expect({ path, method, documentedBody: Boolean(schema?.$ref) }).toEqual({ path, method, documentedBody: true });
      }
    }
    const company = doc.components.schemas.CompanyProfileDto;
    expect(company.required).toEqual(expect.arrayContaining(['name', 'postalCode', 'district']));
    expect(company.properties.district.enum).toEqual(['nordhausen', 'kyffhaeuserkreis', 'unstrut-hainich-kreis', 'eichsfeld']);
  });

  it('has entities that match the migrated schema (migrations are the source, entities agree)', async () => {
    expect((await schemaDrift(t.dataSource)).up).toEqual([]);
  });

  it('turns an unexpected failure into a 500 problem that tells nothing of the inside', async () => {
    const { client } = await newCompany(t);
    await t.dataSource.query('ALTER TABLE companies RENAME TO companies_away');
    try {
      const res = await client.get('/api/v1/auth/me').expect(200); // unaffected
      expect(res.body.role).toBe('company_member');
      const broken = await client.get(`/api/v1/companies/${res.body.companyId}`).expect(500);
      expect(broken.body).toMatchObject({ code: 'internal', status: 500 });
      const { instance: _path, ...said } = broken.body;
      expect(JSON.stringify(said)).not.toMatch(/companies|relation|SELECT/i);
    } finally {
      await t.dataSource.query('ALTER TABLE companies_away RENAME TO companies');
    }
  });
});

describe('repository files', () => {
  const root = join(__dirname, '..');

  it('lists every migration file in migrations/index.ts, oldest first', () => {
    const files = readdirSync(join(root, 'migrations')).filter((f) => /^\d+-\w+\.ts$/.test(f)).sort();
    const listed = migrations.map((m) => {
      const [, timestamp] = /(\d+)$/.exec(m.name)!;
      return files.find((f) => f.startsWith(`${timestamp}-`));
    });
    expect(listed).toEqual(files);
  });

  it('documents every environment variable in the README table', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    const read = [...ENVIRONMENT_VARIABLES].sort();
    expect(documented).toEqual(read);
  });

  it('keeps docker-compose.yml a valid setup of PostgreSQL, the app and a mail catcher', () => {
    const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }); // app-2 is app-1 by a merge key
    // what `docker compose up` starts: the services without a profile (the scale-out profile is tested in deployment.e2e-spec.ts)
    const started = Object.entries(compose.services as Record<string, { profiles?: string[] }>).filter(([, service]) => !service.profiles);
    expect(started.map(([name]) => name).sort()).toEqual(['app', 'mail', 'postgres']);
    const app = compose.services.app;
    expect(app.build).toBeDefined();
    expect(app.environment.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(app.environment.SMTP_URL).toMatch(/^smtp:\/\/mail:1025/);
    expect(app.depends_on.postgres.condition).toBe('service_healthy');
    expect(app.ports).toContain('3000:3000');
    expect(compose.services.postgres.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/npm ci/);
  });
});
