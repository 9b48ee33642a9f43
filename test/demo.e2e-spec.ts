import { BOOKING_STATUSES } from '../src/bookings/booking-status';
import { createDemo, DEMO_LOGINS, DEMO_ORGANISER, DEMO_PASSWORD } from '../src/cli/demo-data';
import { PROGRAMS } from '../src/events/event-status';
import { DISTRICTS } from '../src/organisations/region';
import { OVERVIEW_CHARTS } from '../src/statistics/charts/chart-view';
import { PageVisitor } from './support/page-visitor';
import { startTestApp, TestApp } from './support/test-app';

/** The chart section of the statistics page with this name. */
function chartSection(html: string, name: string): string {
  const start = html.indexOf(`<section class="chart" id="chart-${name}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
}

/**
 * The demo a newcomer's first start loads, made through its entry point on a fresh database:
 * big enough that every page has something to show — the region's schools and dozens of
 * companies, all three programs, bookings in every state, statistics with data in every chart.
 */
describe('the demo', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await createDemo(t.app);
  }, 180_000);
  afterAll(() => t.close());

  const countBy = async (sql: string) =>
    Object.fromEntries(((await t.dataSource.query(sql)) as Array<{ key: string; n: number }>).map(({ key, n }) => [key, n]));

  it('has published events in all three programs', async () => {
    const events = await countBy(`SELECT program AS key, count(*)::int AS n FROM events WHERE status <> 'draft' GROUP BY program`);
    expect(Object.keys(events).sort()).toEqual([...PROGRAMS].sort());
  });

  it('has bookings in every state', async () => {
    const bookings = await countBy(`SELECT status AS key, count(*)::int AS n FROM bookings GROUP BY status`);
    expect(Object.keys(bookings).sort()).toEqual([...BOOKING_STATUSES].sort());
  });

  it('has the region\'s 28 schools and dozens of companies, approved, from all four districts', async () => {
    const [schools] = await t.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT district)::int AS districts FROM schools WHERE status = 'approved'`);
    const [companies] = await t.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT district)::int AS districts FROM companies WHERE status = 'approved'`);
    expect(schools).toEqual({ n: 28, districts: Object.keys(DISTRICTS).length });
    expect(companies.n).toBeGreaterThanOrEqual(24);
    expect(companies.districts).toBe(Object.keys(DISTRICTS).length);
  });

  it('fills every chart of the statistics page for the organiser', async () => {
    const organiser = await PageVisitor.loggedIn(t, DEMO_ORGANISER, DEMO_PASSWORD);
    const page = (await organiser.get('/verwaltung/statistik').expect(200)).text;
    for (const name of OVERVIEW_CHARTS) {
      const chart = chartSection(page, name);
      // a drawing and a table with rows, no sentence that there is nothing to show
      expect([name, chart.includes('<svg'), chart.includes('class="empty"'), chart.includes('<tr><th scope="row">')]).toEqual([name, true, false, true]);
    }
  });

  it('says on the start page that it is a demo, with its logins and their password', async () => {
    const visitor = await PageVisitor.anonymous(t);
    const home = (await visitor.get('/').set('Accept-Language', 'de').expect(200)).text;
    expect(home).toContain('Dies ist eine Demo');
    expect(home).toContain(`„${DEMO_PASSWORD}“`);
    for (const { email } of DEMO_LOGINS) expect(home).toContain(`<strong>${email}</strong>`);
  });
});
