import request from 'supertest';
import { AccountsService } from '../src/auth/accounts.service';
import { OrganiserBootstrap } from '../src/auth/organiser-bootstrap';
import { User } from '../src/auth/user.entity';
import { Role } from '../src/common/identity/role';
import { companyProfile, memberFor, newCompany, newSchool, newStaff, PASSWORD, schoolProfile } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('accounts: registration, login, sessions, tokens, invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '600' });
  });
  afterAll(() => t.close());

  it('registers a company with its first member, logged in at once, pending approval', async () => {
    const agent = request.agent(t.http);
    const member = memberFor({ email: 'Meister@Baeckerei.Example' });
    const res = await agent.post('/api/v1/registrations/company').send({ company: companyProfile(), member }).expect(201);
    expect(res.body.company.status).toBe('pending');
    expect(res.body.user).toMatchObject({ email: 'meister@baeckerei.example', role: 'company_member' });
    expect(res.body.user.passwordHash).toBeUndefined();

    const cookie = res.headers['set-cookie'][0];
    expect(cookie).toMatch(/^praxisnah_session=pxs_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // not in development/test; see the production test below

    const me = await agent.get('/api/v1/auth/me').expect(200);
    expect(me.body.companyId).toBe(res.body.company.id);
  });

  it('logs in with the password (any case of e-mail) and out again; the old cookie is dead', async () => {
    const { email } = await newCompany(t);
    const agent = request.agent(t.http);
    await agent.post('/api/v1/auth/login').send({ email: email.toUpperCase(), password: PASSWORD }).expect(200);
    await agent.get('/api/v1/auth/me').expect(200);
    const cookie = (await agent.post('/api/v1/auth/login').send({ email, password: PASSWORD })).headers['set-cookie'][0].split(';')[0];
    await request(t.http).post('/api/v1/auth/logout').set('Cookie', cookie).expect(204);
    const after = await request(t.http).get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    expect(after.body.code).toBe('unauthenticated');
  });

  it('refuses a wrong password with one message for unknown address and wrong password alike', async () => {
    const { email } = await newCompany(t);
    const wrong = await request(t.http).post('/api/v1/auth/login').send({ email, password: 'falsch-falsch' }).expect(401);
    const unknown = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'niemand@example.org', password: 'falsch-falsch' })
      .expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.detail).toBe('E-Mail-Adresse oder Passwort ist falsch.');
  });

  it('limits login failures per account: 429 with Retry-After, even for the right password', async () => {
    const { email } = await newCompany(t);
    for (let i = 0; i < 3; i++) {
      await request(t.http).post('/api/v1/auth/login').send({ email, password: 'falsch-falsch' }).expect(401);
    }
    const limited = await request(t.http).post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(limited.body.code).toBe('rate_limited');
    // The counter lives in PostgreSQL, shared by every app instance.
    const [row] = await t.dataSource.query(`SELECT hits FROM rate_limit_counters WHERE key = $1`, [`login:account:${email}`]);
    expect(row.hits).toBeGreaterThanOrEqual(4);
  });

  it('counts parallel failures exactly: a burst cannot slip past the limit', async () => {
    const { email } = await newCompany(t);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => request(t.http).post('/api/v1/auth/login').send({ email, password: 'falsch-falsch' })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it('enforces the minimum password length and names the field', async () => {
    const res = await request(t.http)
      .post('/api/v1/registrations/school')
      .send({ school: { ...(await import('./support/factories')).schoolProfile() }, member: memberFor({ password: 'kurz' }) })
      .expect(400);
    expect(res.body.errors).toEqual([
      { field: 'member.password', code: 'minLength', message: 'muss mindestens 10 Zeichen lang sein' },
    ]);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM schools`);
    expect(count).toBe(0); // nothing half-written
  });

  it('stores passwords only as argon2id hashes', async () => {
    const { userId } = await newCompany(t);
    const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('issues API tokens that can be listed and revoked; a revoked token is refused', async () => {
    const { client } = await newCompany(t);
    const created = await client.post('/api/v1/auth/tokens', { name: 'Warenwirtschaft', expiresInDays: 30 }).expect(201);
    expect(created.body.token).toMatch(/^pxn_/);
    const list = await client.get('/api/v1/auth/tokens').expect(200);
    expect(list.body.map((x: { name: string }) => x.name)).toContain('Warenwirtschaft');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const [{ secret_hash }] = await t.dataSource.query(`SELECT secret_hash FROM api_tokens WHERE id = $1`, [created.body.id]);
    expect(secret_hash).not.toBe(created.body.token);

    const other = () => request(t.http).get('/api/v1/auth/me').set('Authorization', `Bearer ${created.body.token}`);
    await other().expect(200);
    await client.delete(`/api/v1/auth/tokens/${created.body.id}`).expect(204);
    await other().expect(401);
    await request(t.http).get('/api/v1/auth/me').set('Authorization', 'Bearer pxn_erfunden').expect(401);
  });

  it('logout with a bearer token revokes that token', async () => {
    const { client } = await newCompany(t);
    await client.post('/api/v1/auth/logout').expect(204);
    await client.get('/api/v1/auth/me').expect(401);
  });

  it('lets a member invite a colleague, who joins the same company', async () => {
    const company = await newCompany(t);
    const invited = await company.client.post('/api/v1/invitations', { email: 'Kollegin@Tischlerei.Example' }).expect(201);
    expect(invited.body).toMatchObject({ email: 'kollegin@tischlerei.example', role: 'company_member' });
    const token = new URL(invited.body.acceptUrl).searchParams.get('token');

    await company.client.post('/api/v1/invitations', { email: 'kollegin@tischlerei.example' }).expect(409);
    const open = await company.client.get('/api/v1/invitations').expect(200);
    expect(open.body).toHaveLength(1);

    const agent = request.agent(t.http);
    const accepted = await agent
      .post('/api/v1/invitations/accept')
      .send({ token, name: 'Kerstin Kollegin', password: PASSWORD })
      .expect(201);
    expect(accepted.body.user).toMatchObject({ role: 'company_member', companyId: company.id });
    await agent.get(`/api/v1/companies/${company.id}`).expect(200);

    // single use
    await request(t.http).post('/api/v1/invitations/accept').send({ token, name: 'Noch wer', password: PASSWORD }).expect(404);
    const members = await company.client.get(`/api/v1/companies/${company.id}/members`).expect(200);
    expect(members.body.map((m: { email: string }) => m.email).sort()).toEqual(
      [company.email, 'kollegin@tischlerei.example'].sort(),
    );
  });

  it('lets members not choose a role, and organisers invite partners who can read but not change', async () => {
    const school = await newSchool(t);
    const refused = await school.client.post('/api/v1/invitations', { email: 'x@example.org', role: 'organiser' }).expect(400);
    expect(refused.body.errors[0].field).toBe('role');

    const organiser = await newStaff(t, Role.Organiser);
    const invited = await organiser.client.post('/api/v1/invitations', { email: 'agentur@arbeitsagentur.example', role: 'partner' }).expect(201);
    const token = new URL(invited.body.acceptUrl).searchParams.get('token');
    const agent = request.agent(t.http);
    await agent.post('/api/v1/invitations/accept').send({ token, name: 'Agentur für Arbeit', password: PASSWORD }).expect(201);

    await agent.get(`/api/v1/schools/${school.id}`).expect(200);
    const change = await agent.patch(`/api/v1/schools/${school.id}`).send({ town: 'Sondershausen' }).expect(403);
    expect(change.body.code).toBe('read_only');
    await agent.patch('/api/v1/auth/me').send({ locale: 'en' }).expect(200); // own account is allowed
    const english = await agent.patch(`/api/v1/schools/${school.id}`).send({ town: 'Sondershausen' }).expect(403);
    expect(english.body.detail).toMatch(/read-only/);
  });

  it('revoking an invitation makes its link useless; another organisation cannot revoke it', async () => {
    const company = await newCompany(t);
    const stranger = await newCompany(t);
    const invited = await company.client.post('/api/v1/invitations', { email: 'azubi@example.org' }).expect(201);
    await stranger.client.delete(`/api/v1/invitations/${invited.body.id}`).expect(404);
    await company.client.delete(`/api/v1/invitations/${invited.body.id}`).expect(204);
    const token = new URL(invited.body.acceptUrl).searchParams.get('token');
    await request(t.http).post('/api/v1/invitations/accept').send({ token, name: 'Azubi', password: PASSWORD }).expect(404);
  });
});

describe('accounts in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      NODE_ENV: 'production',
      ORGANISER_EMAIL: 'Leitung@Regionalmanagement.Example',
      ORGANISER_PASSWORD: 'erstes-passwort-1',
      CHECK_IN_SECRET: 'ein-geheimnis-nur-fuer-diesen-test',
    });
  });
  afterAll(() => t.close());

  it('creates the first organiser from the environment and marks the cookie Secure', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'leitung@regionalmanagement.example', password: 'erstes-passwort-1' })
      .expect(200);
    expect(res.body.user.role).toBe('organiser');
    expect(res.headers['set-cookie'][0]).toMatch(/; Secure/);
  });
});

describe('the first organiser with several instances starting at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is created once; the instance that loses the race starts all the same', async () => {
    // two instances (or workers) with the same ORGANISER_EMAIL on one empty database: both
    // see no organiser, both try to create it
    const config = { ...t.config, ORGANISER_EMAIL: 'leitung@regionalmanagement.example', ORGANISER_PASSWORD: 'erstes-passwort-1' };
    const instances = [1, 2].map(() => new OrganiserBootstrap(t.dataSource, t.app.get(AccountsService), config));
    await Promise.all(instances.map((instance) => instance.onApplicationBootstrap()));
    expect(await t.dataSource.manager.countBy(User, { role: Role.Organiser })).toBe(1);
  });
});

describe('registration limit per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REGISTRATION_LIMIT_PER_HOUR: '2' });
  });
  afterAll(() => t.close());

  it('refuses the third registration from one address within the hour: 429 with Retry-After, nothing written', async () => {
    for (let i = 0; i < 2; i++) {
      await request(t.http).post('/api/v1/registrations/school').send({ school: schoolProfile(), member: memberFor() }).expect(201);
    }
    const member = memberFor();
    const limited = await request(t.http).post('/api/v1/registrations/company').send({ company: companyProfile(), member }).expect(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3600);
    const [written] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM schools)::int AS schools, (SELECT count(*) FROM companies)::int AS companies, (SELECT count(*) FROM users WHERE email = $1)::int AS users`,
      [member.email],
    );
    expect(written).toEqual({ schools: 2, companies: 0, users: 0 });
  });
});
