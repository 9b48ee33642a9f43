import request from 'supertest';
import { companyProfile, memberFor, newCompany } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** Whatever a client sends, it gets a clear 4xx naming the problem — never a 500, never half a write. */
describe('bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '20kb' });
  });
  afterAll(() => t.close());

  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const register = (body: unknown, type = 'application/json') =>
    request(t.http).post('/api/v1/registrations/company').set('Content-Type', type).send(body as string);

  it('answers malformed JSON with 400 problem details', async () => {
    const res = await register('{"company": {"name": "Bäckerei"', 'application/json').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'malformed_json', title: 'Ungültige Anfrage' });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers an oversized body with 413', async () => {
    const res = await register({ company: companyProfile({ description: 'x'.repeat(30_000) }), member: memberFor() }).expect(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('refuses bodies that are not a JSON object', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) {
      const res = await register(body).expect(400);
      expect(res.body.code).toMatch(/validation_failed|malformed_json/);
    }
  });

  it('names every bad field with its path, in German by default and in English on request', async () => {
    const body = { company: companyProfile({ postalCode: '9973', district: 'Berlin', email: 'keine-adresse' }), member: memberFor({ name: '  ' }) };
    const german = await register(body).expect(400);
    expect(german.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'company.postalCode', code: 'matches', message: 'muss aus genau 5 Ziffern bestehen' },
        { field: 'company.district', code: 'isIn', message: expect.stringMatching(/^muss einer dieser Werte sein: nordhausen/) },
        { field: 'company.email', code: 'isEmail', message: 'muss eine gültige E-Mail-Adresse sein' },
        { field: 'member.name', code: 'matches', message: 'darf nicht leer sein' },
      ]),
    );
    expect(german.body.errors).toHaveLength(4);
    const english = await register(body).set('Accept-Language', 'en-GB,en;q=0.9,de;q=0.5').expect(400);
    expect(english.body.title).toBe('Bad request');
    expect(english.body.errors).toEqual(expect.arrayContaining([{ field: 'company.postalCode', code: 'matches', message: 'must consist of exactly 5 digits' }]));
  });

  it('refuses unknown fields instead of silently dropping them', async () => {
    const res = await register({ company: { ...companyProfile(), status: 'approved' }, member: { ...memberFor(), role: 'organiser' }, admin: true }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['admin', 'company.status', 'member.role']);
    expect(await count('companies')).toBe(0);
  });

  it('refuses wrong types without a 500: numbers, objects, huge values', async () => {
    const cases = [
      { company: 'Tischlerei', member: memberFor() },
      { company: companyProfile({ name: 12 }), member: memberFor() },
      { company: companyProfile({ apprenticeships: 'Tischler' }), member: memberFor() },
      { company: companyProfile({ apprenticeships: [1e309] }), member: memberFor() },
      { company: companyProfile({ name: { $gt: '' } }), member: memberFor() },
      { company: companyProfile({ name: 'x'.repeat(201) }), member: memberFor() },
      { company: companyProfile(), member: memberFor({ password: ['a'] }) },
    ];
    for (const body of cases) {
      const res = await register(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    expect(await count('companies')).toBe(0);
  });

  it('answers 409 for an e-mail already registered, and leaves no organisation behind', async () => {
    const existing = await newCompany(t);
    const before = await count('companies');
    const res = await register({ company: companyProfile(), member: memberFor({ email: existing.email.toUpperCase() }) }).expect(409);
    expect(res.body).toMatchObject({ code: 'email_taken', errors: [{ field: 'member.email', code: 'taken' }] });
    expect(await count('companies')).toBe(before); // the company insert was rolled back with the member
  });

  it('answers 404 for a missing thing, an unknown route and an id that is no id', async () => {
    const { client } = await newCompany(t);
    expect((await client.get('/api/v1/companies/8d0b2d1e-3a5c-4c8e-9a37-1f9c2b7e4a10').expect(404)).body.code).toBe('not_found');
    expect((await client.get('/api/v1/gibt-es-nicht').expect(404)).body.code).toBe('route_not_found');
    expect((await client.get("/api/v1/companies/1' OR '1'='1").expect(404)).body.code).toBe('not_found');
  });

  it('stores SQL and HTML in text fields as plain text', async () => {
    const name = `Robert'); DROP TABLE companies;-- <script>alert(1)</script>`;
    const res = await register({ company: companyProfile({ name }), member: memberFor() }).expect(201);
    expect(res.body.company.name).toBe(name);
    expect(await count('companies')).toBeGreaterThan(0);
  });

  it('uses application/problem+json for every error and never a 500 for the cases above', async () => {
    const res = await request(t.http).get('/api/v1/auth/me').expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:praxisnah:problem:unauthenticated', status: 401, instance: '/api/v1/auth/me' });
  });
});
