import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startAppProcess, waitForHealth } from './support/app-process';
import { companyProfile, memberFor, PASSWORD } from './support/factories';
import { DEMO_ORGANISER, DEMO_PASSWORD } from '../src/cli/demo-data';

/**
 * `npm start` as a newcomer runs it: the built app on the embedded database in a data
 * folder, stopped with a signal and started again with its data intact.
 */
const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('npm start on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'praxisnah-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers /health and /api/docs, and keeps its data across a restart', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // without the demo: the database stays empty until someone registers
    const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'false' };
    const member = memberFor();

    const first = startAppProcess(env);
    const started = Date.now();
    expect((await waitForHealth(base, first.child)).status).toBe('ok');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
    expect((await post(`${base}/api/v1/auth/login`, { email: DEMO_ORGANISER, password: DEMO_PASSWORD })).status).toBe(401);
    expect(first.output()).not.toContain('Demo angelegt');
    expect((await post(`${base}/api/v1/registrations/company`, { company: companyProfile(), member })).status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).not.toMatch(/crash|recovery/i);

    const second = startAppProcess(env);
    await waitForHealth(base, second.child);
    const login = await post(`${base}/api/v1/auth/login`, { email: member.email, password: PASSWORD });
    expect(login.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it('loads the demo on a newcomer\'s first start, says so on the start page, and only once', async () => {
    const firstStartDir = mkdtempSync(join(tmpdir(), 'praxisnah-first-'));
    try {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: firstStartDir };
      const first = startAppProcess(env);
      await waitForHealth(base, first.child, 90);
      expect(first.output()).toContain('Demo angelegt. Anmelden auf');
      expect(first.output()).toMatch(/melden sich auf \S+\/tip mit ihrem Code an:\n\s+[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
      expect((await post(`${base}/api/v1/auth/login`, { email: DEMO_ORGANISER, password: DEMO_PASSWORD })).status).toBe(200);
      const start = await (await fetch(base, { headers: { 'Accept-Language': 'de' } })).text();
      expect(start).toContain('Dies ist eine Demo');
      expect(start).toContain(DEMO_ORGANISER);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = startAppProcess(env);
      await waitForHealth(base, second.child);
      expect(second.output()).not.toContain('Demo angelegt');
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(firstStartDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses to start with a malformed variable and names it', async () => {
    const run = startAppProcess({ PORT: 'dreitausend', PUBLIC_URL: 'localhost', DATA_DIR: dataDir });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/PORT="dreitausend"/);
    expect(run.output()).toMatch(/PUBLIC_URL="localhost": must be an absolute http\(s\) URL/);
  }, 30_000);
});
