import request from 'supertest';
import { newCompany, PASSWORD } from './support/factories';
import { changedTables, tableSnapshot } from './support/table-snapshot';
import { startTestApp, TestApp } from './support/test-app';

/** Limits that stop scripted abuse, and secrets that give nothing away to guessing. */
describe('abuse: rate limits and secret feed addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '2' });
  });
  afterAll(() => t.close());

  it('refuses the fourth password reset for one address within the hour: 429 with Retry-After, no link made, no mail', async () => {
    const { email } = await newCompany(t);
    for (let i = 0; i < 3; i++) await request(t.http).post('/api/v1/auth/password-reset').send({ email }).expect(202);
    const before = await tableSnapshot(t.dataSource);
    const limited = await request(t.http).post('/api/v1/auth/password-reset').send({ email: email.toUpperCase() }).expect(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect(changedTables(before, await tableSnapshot(t.dataSource))).toEqual([]); // no password_resets row, no outbox mail
  });

  it('a limited login with the right password logs nobody in: no cookie, no session', async () => {
    const { email } = await newCompany(t);
    for (let i = 0; i < 2; i++) await request(t.http).post('/api/v1/auth/login').send({ email, password: 'falsch-falsch' }).expect(401);
    const before = await tableSnapshot(t.dataSource);
    const limited = await request(t.http).post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['set-cookie'] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/^praxisnah_session=pxs_/)]));
    expect(changedTables(before, await tableSnapshot(t.dataSource))).toEqual([]);
  });

  it('a feed token with a long matching prefix is refused exactly like a completely wrong one', async () => {
    const { client } = await newCompany(t);
    const feed = await client.get('/api/v1/calendar/feed').expect(200);
    const url = new URL(feed.body.url);
    const token = url.pathname.split('/')[6];
    const at = (secret: string) => request(t.http).get(url.pathname.replace(token, encodeURIComponent(secret)));
    await at(token).expect(200);
    const lastWrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const answers = await Promise.all([lastWrong, `${token}x`, token.slice(0, -1), 'pxc_' + 'A'.repeat(token.length - 4), 'falsch'].map(async (secret) => {
      const res = await at(secret);
      return { status: res.status, code: res.body.code, detail: res.body.detail };
    }));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 404, code: 'not_found' });
  });
});
