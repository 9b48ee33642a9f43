import { SampleYear } from '../../src/programs/praxistage/sample-year/sample-year';
import { FIELDS, TOWNS } from '../../src/programs/praxistage/sample-year/sample-words';
import { login, Session } from '../api';
import { ORGANISER } from '../app-process';
import { Measurement, measure } from '../measure';
import { WrittenYear } from './year-writer';

const REQUESTS = Number(process.env.BENCH_PRAXISTAGE_REQUESTS ?? 1000);
const CONCURRENCY = 20;
const CLIENTS = 20;

/**
 * The reads of a phase's applications at the region's size, 20 clients at once, beside the
 * floor of the same stack measured right before them (GET /health):
 * - a pupil's search for Steckbriefe on their day, filtered by field, town or both, first page;
 * - a company's list of its applications (the twenty companies with the most of them);
 * - a school's overview of its classes, pupils and their standing in each phase;
 * - the organiser's Plan C list: pupils without a place in a phase running or about to start;
 * - the start pages (`desk/mine`) of the same schools (next practice days, pupils without a
 *   place) and companies (next dates, applications to answer), and the organiser's desk, as
 *   data (`GET /api/v1/desk`) and as the page that shows it with the rest (`GET /verwaltung`).
 */
export async function praxistageReads(base: string, organiser: Session, plan: SampleYear, year: WrittenYear): Promise<Measurement[]> {
  const route = `/api/v1/praxistage/years/${year.eventId}`;
  const spread = <T>(list: T[], count: number) => Array.from({ length: Math.min(count, list.length) }, (_, i) => list[Math.floor((i * list.length) / Math.min(count, list.length))]);
  const pupils = await Promise.all(spread(year.pupils, CLIENTS).map((p) => pupilLogin(base, p.code)));
  const busiest = [...plan.companies]
    .map((c) => ({ c, n: plan.applications.filter((a) => a.company === c.index).length }))
    .sort((a, b) => b.n - a.n || a.c.index - b.c.index)
    .slice(0, CLIENTS);
  const companies = await signIn(base, busiest.map(({ c }) => year.companies[c.index].email), 4);
  const schools = await signIn(base, spread(year.schools, CLIENTS).map((s) => s.email), 5);
  await describeDesks(base, organiser, schools[0], companies[0]);
  const times = Array.from({ length: REQUESTS }, (_, i) => i);
  const search = (i: number) => {
    const field = encodeURIComponent(FIELDS[i % FIELDS.length].field);
    const town = encodeURIComponent(TOWNS[i % TOWNS.length].town.slice(0, 5).toLowerCase());
    return ['?occupationalField=' + field, '?town=' + town, `?occupationalField=${field}&town=${town}`][i % 3];
  };
  const runs: Array<[string, (i: number) => Promise<string>]> = [
    ['floor: GET /health (Praxistage)', () => read(base, '/health')],
    ['pupil: Steckbrief search, first page', (i) => read(base, `/api/v1/pupil/steckbriefe${search(i)}`, { 'x-pupil-session': pupils[i % pupils.length] })],
    ['company: its applications', (i) => read(base, `${route}/applications`, { cookie: companies[i % companies.length].cookie })],
    ['school: classes and phases', (i) => read(base, `${route}/classes`, { cookie: schools[i % schools.length].cookie })],
    ['organiser: Plan C list', () => read(base, `${route}/plan-c`, { cookie: organiser.cookie }, true)],
    ['school: start page (desk/mine)', (i) => read(base, '/api/v1/desk/mine', { cookie: schools[i % schools.length].cookie }, true)],
    ['company: start page (desk/mine)', (i) => read(base, '/api/v1/desk/mine', { cookie: companies[i % companies.length].cookie }, true)],
    ['organiser: desk (API)', () => read(base, '/api/v1/desk', { cookie: organiser.cookie }, true)],
    ['organiser: desk page GET /verwaltung', () => read(base, '/verwaltung', { cookie: organiser.cookie }, true)],
  ];
  // a short round of each first, unmeasured: the code paths compiled and the caches warm, as in a running service
  for (const [name, send] of runs) await measure(`warm-up: ${name}`, times.slice(0, 100), CONCURRENCY, (i) => send(i));
  const results: Measurement[] = [];
  for (const [name, send] of runs) results.push(await measure(name, times, CONCURRENCY, (i) => send(i)));
  return results;
}

/** Reads the whole answer; a list that must not be empty is checked. A redirect (to the login) counts as an error. */
async function read(base: string, path: string, headers: Record<string, string> = {}, notEmpty = false): Promise<string> {
  const res = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
  if (notEmpty && body.length < 10) throw new Error(`${path}: empty list`);
  return 'ok';
}

/** What the desks hold here (one school, one company, the organiser), so a trivial desk shows in the output. */
async function describeDesks(base: string, organiser: Session, school: Session, company: Session) {
  const entries = async (path: string, session: Session) => {
    const desk = await (await fetch(`${base}${path}`, { headers: { cookie: session.cookie } })).json();
    return Object.entries(desk).map(([group, list]) => `${group} ${(list as Array<{ kind: string; count?: number; value?: number }>).map((e) => `${e.kind}=${e.count ?? e.value}`).join(' ') || '—'}`).join('; ');
  };
  console.log(`desks: school ${await entries('/api/v1/desk/mine', school)}`);
  console.log(`desks: company ${await entries('/api/v1/desk/mine', company)}`);
  console.log(`desks: organiser ${await entries('/api/v1/desk', organiser)}`);
}

export async function pupilLogin(base: string, code: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/pupil/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  if (!res.ok) throw new Error(`pupil login: ${res.status} ${await res.text()}`);
  return (await res.json()).session;
}

/** Members log in one after the other, each from an address of its own (set-up). */
export async function signIn(base: string, emails: string[], network: number): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const [n, email] of emails.entries()) sessions.push(await login(base, email, ORGANISER.password, `10.${network}.${Math.floor(n / 250)}.${(n % 250) + 1}`));
  return sessions;
}
