import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, rowsInDataFolder, startAppProcess, stopAppProcess, stopRunningApps, waitForHealth } from './support/app-process';
import { companyProfile, memberFor, PASSWORD } from './support/factories';
import { PageVisitor } from './support/page-visitor';
import { DEMO_ORGANISER, DEMO_PASSWORD } from '../src/cli/demo-data';

/**
 * `npm start` as a newcomer runs it: the built app on the embedded database in a data
 * folder, stopped with a signal and started again with its data intact.
 */
const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** The members' logins the terminal names after "Demo angelegt", each with its role as written there. */
function printedLogins(output: string) {
  const block = output.slice(output.indexOf('Demo angelegt.'));
  const lines = block.slice(0, block.indexOf('\n\n'));
  return [...lines.matchAll(/^ {2}(\S.*?) {2,}(\S+@\S+)$/gm)].map(([, role, email]) => ({ role, email }));
}
/** The pupils' codes the terminal names, each with who the pupil is. */
const printedCodes = (output: string) =>
  [...output.matchAll(/^ {2}([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}) {3}(.+)$/gm)].map(([, code, who]) => ({ code, who }));
/** The logins the start page's demo box names. */
const shownLogins = (html: string) => [...html.matchAll(/<li>[^<]*: <strong>([^<]+@[^<]+)<\/strong><\/li>/g)].map(([, email]) => email);
/** The programs of the events the staff's desk lists. */
const programsListed = (html: string) =>
  new Set([...html.matchAll(/<li><a href="\/verwaltung\/veranstaltungen\/[0-9a-f-]{36}">[^<]+<\/a> – ([^,]+),/g)].map(([, program]) => program));
/** The entries under "Als Nächstes" of a member's start page. */
function nextOnStart(html: string) {
  const start = html.indexOf('id="next-title"');
  if (start < 0) return [];
  const section = html.slice(start, html.indexOf('</section>', start));
  return [...section.matchAll(/<li><a href="[^"]+">([^<]+)<\/a><\/li>/g)].map(([, words]) => words);
}

describe('npm start on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'praxisnah-data-'));
  afterEach(() => stopRunningApps());
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts empty with DEMO=false: /health and /api/docs answer, and no table of the data folder holds a row', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = startAppProcess({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'false' });
    const started = Date.now();
    expect((await waitForHealth(base, app.child)).status).toBe('ok');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
    expect(app.output()).not.toContain('Demo angelegt');
    expect(await stopAppProcess(app)).toBe(0);

    const rows = await rowsInDataFolder(dataDir);
    // the schema is there, the tables a demo fills among them; only the migrations' own record has rows
    expect(Object.keys(rows)).toEqual(expect.arrayContaining(['users', 'companies', 'schools', 'events', 'bookables', 'bookings', 'pupils']));
    const { schema_migrations: migrations, ...data } = rows;
    expect(migrations).toBeGreaterThan(0);
    expect(Object.entries(data).filter(([, count]) => count > 0)).toEqual([]);
  }, 90_000);

  it('keeps its data across a restart', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'false' };
    const member = memberFor();

    const first = startAppProcess(env);
    await waitForHealth(base, first.child);
    expect((await post(`${base}/api/v1/registrations/company`, { company: companyProfile(), member })).status).toBe(201);
    expect(await stopAppProcess(first)).toBe(0);
    expect(first.output()).not.toMatch(/crash|recovery/i);

    const second = startAppProcess(env);
    await waitForHealth(base, second.child);
    const login = await post(`${base}/api/v1/auth/login`, { email: member.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(await stopAppProcess(second)).toBe(0);
  }, 90_000);

  it('loads the demo on a newcomer\'s first start, and every login it prints or shows opens a page with content; only once', async () => {
    const firstStartDir = mkdtempSync(join(tmpdir(), 'praxisnah-first-'));
    try {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: firstStartDir };
      const first = startAppProcess(env);
      await waitForHealth(base, first.child, 120);
      const said = first.output();
      expect(said).toContain('Demo angelegt. Anmelden auf');
      expect(said).toMatch(/melden sich auf \S+\/tip mit ihrem Code an:\n\s+[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
      const printed = printedLogins(said);
      const codes = printedCodes(said);
      const home = await (await fetch(base, { headers: { 'Accept-Language': 'de' } })).text();
      expect(home).toContain('Dies ist eine Demo');
      expect(home).toContain(DEMO_PASSWORD);
      const shown = shownLogins(home);
      expect(shown).toContain(DEMO_ORGANISER);
      // the start page names logins the terminal names too; together every kind of login
      expect(printed.map((login) => login.email)).toEqual(expect.arrayContaining(shown));
      expect(new Set(printed.map((login) => login.role.replace(/ \(.*\)$/, '')))).toEqual(new Set(['Regionalmanagement', 'Partner', 'Betrieb', 'Schule']));
      expect(codes.length).toBeGreaterThan(0);

      for (const { role, email } of printed) {
        const visitor = await PageVisitor.anonymous(base);
        const login = await visitor.post('/anmelden', { email, password: DEMO_PASSWORD });
        const staff = role === 'Regionalmanagement' || role.startsWith('Partner');
        expect([email, login.status, login.headers.location]).toEqual([email, 303, staff ? '/verwaltung' : '/start']);
        const page = await visitor.get(login.headers.location);
        expect([email, page.status]).toEqual([email, 200]);
        if (staff) {
          // the desk lists the demo's events of all three programs
          expect([email, programsListed(page.text)]).toEqual([email, new Set(['Handwerkertag', 'Schule trifft Wirtschaft', 'Praxistage'])]);
        } else {
          // a member's start lists what comes next; the school of the fair lists its class visits there
          const next = nextOnStart(page.text);
          expect([email, next.length > 0]).toEqual([email, true]);
          if (role === 'Schule') expect([email, next.some((words) => words.includes('Klassenbesuch'))]).toEqual([email, true]);
        }
      }
      for (const { code, who } of codes) {
        const pupil = await PageVisitor.anonymous(base);
        const login = await pupil.post('/tip', { code });
        expect([who, login.status, login.headers.location]).toEqual([who, 303, '/tip/plaetze']);
        // places to apply for on the pupil's day, and the pupil's own applications
        const places = (await pupil.get('/tip/plaetze').expect(200)).text;
        expect([who, /<a href="\/tip\/plaetze\/[0-9a-f-]{36}">/.test(places)]).toEqual([who, true]);
        const applications = (await pupil.get('/tip/bewerbungen').expect(200)).text;
        expect([who, applications.includes('<p class="status">')]).toEqual([who, true]);
      }
      expect(await stopAppProcess(first)).toBe(0);
      // the data folder holds the demo (and the reader of the empty one above sees rows where there are some)
      const rows = await rowsInDataFolder(firstStartDir);
      expect([rows.companies, rows.schools, rows.events, rows.bookings].every((count) => count > 0)).toBe(true);

      const second = startAppProcess(env);
      await waitForHealth(base, second.child);
      expect(second.output()).not.toContain('Demo angelegt');
      expect(await stopAppProcess(second)).toBe(0);
    } finally {
      rmSync(firstStartDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('refuses to start with a malformed variable and names it', async () => {
    const run = startAppProcess({ PORT: 'dreitausend', PUBLIC_URL: 'localhost', DATA_DIR: dataDir });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/PORT="dreitausend"/);
    expect(run.output()).toMatch(/PUBLIC_URL="localhost": must be an absolute http\(s\) URL/);
  }, 30_000);
});
