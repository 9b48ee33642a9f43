import { parse } from 'csv-parse/sync';
import { Role } from '../src/common/identity/role';
import { berlinDate } from '../src/common/time/berlin';
import { ApiClient, explain, newClass, newCompany, newEvent, newPupil, newSchool, newStaff, newTimeSlot } from './support/factories';
import { PageVisitor } from './support/page-visitor';
import { offerBody } from './support/sample-bodies';
import { startTestApp, TestApp } from './support/test-app';

/** The chart section of a page with this id, as the page has it. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="chart" id="${id}"`);
  if (start < 0) throw new Error(`no chart ${id} on the page`);
  return html.slice(start, html.indexOf('</section>', start));
}
const plain = (html: string) => html.replace(/<[^>]+>/g, '').trim();
/** The table beside a chart: each row's head with its figures, as the page shows them. */
const tableOf = (chart: string) =>
  [...chart.matchAll(/<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)].map(([, head, cells]) => [plain(head), ...[...cells.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => plain(c[1]))]);
/** The values written at the bars' ends and the bars' lengths, in the order of the bars. */
const barsOf = (svg: string) => ({
  widths: [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1])),
  values: [...svg.matchAll(/<text [^>]*font-weight="bold">([^<]*)<\/text>/g)].map((m) => m[1]),
});
const csvOf = (body: string) => parse(body, { delimiter: ';', bom: true, skip_empty_lines: true }) as string[][];
const day = (daysAgo: number) => berlinDate(new Date(Date.now() - daysAgo * 86_400_000));

/**
 * Bookings made through the API, their changes moved back in time where a day matters, and
 * then the charts, their tables, their CSV files and the API all giving the same figures.
 */
describe('statistics as charts, tables and CSV', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let page: PageVisitor;
  let fairId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const staff = await newStaff(t, Role.Organiser);
    organiser = staff.client;
    page = await PageVisitor.loggedIn(t, staff.email);
    const north = await newSchool(t, { approvedBy: organiser, profile: { district: 'nordhausen', schoolType: 'regelschule' } });
    const hill = await newSchool(t, { approvedBy: organiser, profile: { district: 'eichsfeld', schoolType: 'gymnasium' } });
    fairId = (await newEvent(organiser, 'handwerkertag', { title: 'Bilder-Messe' })).id;
    const early = await newTimeSlot(organiser, fairId, 40, '2027-05-08T08:30');
    const late = await newTimeSlot(organiser, fairId, 20, '2027-05-08T10:30');
    const visit = async (school: typeof north, slotId: string, pupils: number, teachers: number) => {
      const schoolClass = await newClass(school.client, school.id);
      const body = { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils, teachers };
      return (await school.client.post(`/api/v1/events/${fairId}/class-visits`, body).expect(explain(201))).body.id as string;
    };
    const first = await visit(north, early.id, 20, 2);
    await visit(north, early.id, 15, 1);
    const third = await visit(hill, late.id, 18, 2);
    await visit(hill, late.id, 10, 1); // waits, moves up when the third is cancelled
    await visit(hill, late.id, 15, 0); // waits, and does not fit then either
    // the registration opened four days ago; the first visit came three days ago, two more yesterday
    await t.dataSource.query(`UPDATE events SET registration_opens_at = now() - interval '4 days' WHERE id = $1`, [fairId]);
    const shift = (bookingId: string, days: number) =>
      t.dataSource.query(`UPDATE booking_changes SET occurred_at = occurred_at - make_interval(days => $2) WHERE booking_id = $1`, [bookingId, days]);
    await shift(first, 3);
    await Promise.all((await t.dataSource.query(`SELECT id FROM bookings WHERE event_id = $1 AND id <> $2`, [fairId, first])).map((b: { id: string }) => shift(b.id, 1)));
    await hill.client.post(`/api/v1/bookings/${third}/cancel`, { reason: 'Bus fällt aus' }).expect(explain(200));

    // a Praxistage term of the same school year: one pupil of the northern school placed in "Holz"
    const term = (await newEvent(organiser, 'praxistage', { title: 'Praxistage Bilder' })).id;
    const company = await newCompany(t, { approvedBy: organiser });
    const offer = (await company.client.post(`/api/v1/events/${term}/offers`, offerBody({ occupationalField: 'Holz' })).expect(explain(201))).body.id;
    const pupil = await newPupil(north.client, north.id, (await newClass(north.client, north.id)).id);
    await north.client.post(`/api/v1/events/${term}/placements`, { offerId: offer, weekday: 1, pupilId: pupil.id }).expect(explain(201));
    // and the next school year's fair, with one class
    const next = (await newEvent(organiser, 'handwerkertag', { title: 'Messe danach', startsOn: '2027-09-18', endsOn: '2027-09-18' })).id;
    const nextSlot = await newTimeSlot(organiser, next, 30, '2027-09-18T09:00');
    const nextClass = await newClass(north.client, north.id);
    await north.client.post(`/api/v1/events/${next}/class-visits`, { timeSlotId: nextSlot.id, schoolClassId: nextClass.id, pupils: 12, teachers: 1 }).expect(explain(201));
  }, 120_000);
  afterAll(() => t?.close());

  it('gives the bookings per day of the registration through the API: new, withdrawn, and all at the day’s end', async () => {
    const { days } = (await organiser.get(`/api/v1/statistics/events/${fairId}/bookings-per-day`).expect(200)).body;
    expect(days).toEqual([
      { date: day(4), confirmed: 0, withdrawn: 0, total: 0 },
      { date: day(3), confirmed: 1, withdrawn: 0, total: 1 },
      { date: day(2), confirmed: 0, withdrawn: 0, total: 1 },
      { date: day(1), confirmed: 2, withdrawn: 0, total: 3 },
      { date: day(0), confirmed: 1, withdrawn: 1, total: 3 }, // one cancelled, the one waiting moved up
    ]);
  });

  it('gives participation per school type and the school years per program through the API', async () => {
    const stats = (await organiser.get('/api/v1/statistics').expect(200)).body;
    expect(stats.participation.bySchoolType).toEqual([
      { schoolType: 'gymnasium', schools: 1, bookings: 1, pupils: 10 },
      { schoolType: 'regelschule', schools: 1, bookings: 4, pupils: 20 + 15 + 1 + 12 },
    ]);
    expect(stats.bySchoolYearAndProgram).toEqual([
      { schoolYear: '2026/27', program: 'handwerkertag', events: 1, confirmedBookings: 3, persons: 22 + 16 + 11 },
      { schoolYear: '2026/27', program: 'praxistage', events: 1, confirmedBookings: 1, persons: 1 },
      { schoolYear: '2027/28', program: 'handwerkertag', events: 1, confirmedBookings: 1, persons: 13 },
    ]);
    expect(stats.participation.byOccupationalField).toEqual([{ occupationalField: 'Holz', offers: 1, places: 4, placements: 1 }]);
  });

  it('draws each chart of the statistics page with its figures beside it, and its CSV file says the same', async () => {
    const html = (await page.get('/verwaltung/statistik?schoolYear=2026/27').expect(200)).text;
    expect(html).toContain('<option value="2026/27" selected>');

    const districts = section(html, 'chart-districts');
    expect(districts).toMatch(/<svg [^>]*role="img" aria-labelledby="svg-districts-title" aria-describedby="svg-districts-desc"/);
    expect(districts).toContain('<title id="svg-districts-title">Teilnahme je Landkreis</title>');
    expect(districts).toContain('<desc id="svg-districts-desc">Am höchsten: Landkreis Nordhausen mit 36.</desc>');
    expect(barsOf(districts).values).toEqual(['36', '0', '0', '10']);
    const districtTable = [
      ['Landkreis Nordhausen', '1', '1', '36', '3'],
      ['Kyffhäuserkreis', '0', '0', '0', '0'],
      ['Unstrut-Hainich-Kreis', '0', '0', '0', '0'],
      ['Landkreis Eichsfeld', '1', '0', '10', '1'],
    ];
    expect(tableOf(districts)).toEqual(districtTable);
    const href = /<a href="([^"]+)">Zahlen als CSV herunterladen/.exec(districts)![1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
    expect(href).toBe('/verwaltung/statistik.csv?chart=districts&schoolYear=2026%2F27');
    const csv = await page.get(href).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="statistik-districts.csv"');
    expect(csv.text.startsWith('\uFEFFLandkreis;Schulen;Unternehmen;Schülerinnen und Schüler;Buchungen\r\n')).toBe(true);
    expect(csvOf(csv.text).slice(1)).toEqual(districtTable);

    const fill = section(html, 'chart-fill-rate');
    // in the order of their first days: 1 of 4 places; (22 + 16 + 11) persons of 60 in the slots and none of the 40 stands
    expect(barsOf(fill).values).toEqual(['25 %', '49 %']);
    const [termBar, fairBar] = barsOf(fill).widths;
    expect(fairBar / termBar).toBeCloseTo(49 / 25, 1);
    expect(tableOf(fill)).toEqual([
      ['Praxistage Bilder', '2026/27', 'Praxistage', 'veröffentlicht', '4', '1', '25', '1', '0'],
      ['Bilder-Messe', '2026/27', 'Handwerkertag', 'veröffentlicht', '100', '49', '49', '3', '1'],
    ]);
    expect(tableOf(section(html, 'chart-school-types'))).toEqual([
      ['Regelschule', '1', '36', '3'], ['Gemeinschaftsschule', '0', '0', '0'], ['Gymnasium', '1', '10', '1'],
      ['Förderschule', '0', '0', '0'], ['Berufsbildende Schule', '0', '0', '0'],
    ]);
    expect(tableOf(section(html, 'chart-occupational-fields'))).toEqual([['Holz', '1', '4', '1']]);
  });

  it('puts the school years side by side, per program', async () => {
    const html = (await page.get('/verwaltung/statistik').expect(200)).text;
    const years = section(html, 'chart-school-years');
    expect(years).toContain('Gruppierte Balken: je Programm ein Balken pro Schuljahr (2026/27, 2027/28).');
    // per program the years' bars (Handwerkertag 3 and 1, Praxistage 1 and 0), then the legend: a colour per year
    expect([...years.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1])).toEqual(['#0b5394', '#b04a00', '#0b5394', '#b04a00', '#0b5394', '#b04a00']);
    expect(tableOf(years)).toEqual([
      ['Handwerkertag', '2026/27', '1', '3', '49'],
      ['Handwerkertag', '2027/28', '1', '1', '13'],
      ['Praxistage', '2026/27', '1', '1', '1'],
    ]);
  });

  it('shows the event’s slots and its bookings per day on the event’s page, with their CSV files', async () => {
    const html = (await page.get(`/verwaltung/veranstaltungen/${fairId}`).expect(200)).text;
    const slots = section(html, 'chart-slots');
    expect(slots).toContain('<h3 id="chart-slots-heading">Auslastung je Zeitfenster, Stand und Platz</h3>');
    expect(barsOf(slots).values).toEqual(['0 / 40', '38 / 40', '11 / 20']);
    expect(tableOf(slots)).toEqual([
      ['Stände', '40', '0', '0', '0'],
      ['08.05.2027, 08:30', '40', '38', '95', '0'],
      ['08.05.2027, 10:30', '20', '11', '55', '1'],
    ]);
    const perDay = section(html, 'chart-bookings-per-day');
    expect(perDay).toMatch(/<svg [^>]*role="img" aria-labelledby="svg-bookings-per-day-title"/);
    expect([...perDay.matchAll(/<circle /g)]).toHaveLength(5);
    const german = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
    const expected = [
      [german(day(4)), '0', '0', '0'],
      [german(day(3)), '1', '0', '1'],
      [german(day(2)), '0', '0', '1'],
      [german(day(1)), '2', '0', '3'],
      [german(day(0)), '1', '1', '3'],
    ];
    expect(tableOf(perDay)).toEqual(expected);
    const csv = await page.get(`/verwaltung/statistik.csv?chart=bookings-per-day&eventId=${fairId}`).expect(200);
    expect(csvOf(csv.text)).toEqual([['Tag', 'neu bestätigt', 'storniert', 'bestätigt insgesamt'], ...expected]);
  });

  it('says why instead of drawing an empty chart', async () => {
    const html = (await page.get('/verwaltung/statistik?schoolYear=2031/32').expect(200)).text;
    for (const id of ['chart-fill-rate', 'chart-districts', 'chart-school-types', 'chart-school-years']) {
      expect({ id, svg: section(html, id).includes('<svg'), empty: section(html, id).includes('<p class="empty">Noch keine Buchungen.</p>') }).toEqual({ id, svg: false, empty: true });
    }
    expect(section(html, 'chart-occupational-fields')).toContain('Noch keine Praktikumsangebote.');
    const later = (await newEvent(organiser, 'handwerkertag', { registrationOpensAt: new Date(Date.now() + 5 * 86_400_000).toISOString() })).id;
    const event = (await page.get(`/verwaltung/veranstaltungen/${later}`).expect(200)).text;
    expect(section(event, 'chart-bookings-per-day')).toContain('Die Anmeldung hat noch nicht begonnen.');
    expect(section(event, 'chart-slots')).toContain('Noch keine Buchungen.'); // the stands are there, unbooked
    expect(event).not.toContain('<svg');
  });

  it('speaks English to who chose it, with the same figures', async () => {
    const staff = await newStaff(t, Role.Organiser);
    await staff.client.patch('/api/v1/auth/me', { locale: 'en' }).expect(200);
    const english = await PageVisitor.loggedIn(t, staff.email);
    const html = (await english.get('/verwaltung/statistik?schoolYear=2026/27').expect(200)).text;
    expect(section(html, 'chart-districts')).toContain('<title id="svg-districts-title">Participation per district</title>');
    expect(tableOf(section(html, 'chart-school-types'))[0]).toEqual(['Regelschule (secondary school)', '1', '36', '3']);
    const csv = await english.get('/verwaltung/statistik.csv?chart=fill-rate&schoolYear=2026/27').expect(200);
    expect(csvOf(csv.text)[0]).toEqual(['Event', 'School year', 'Program', 'Status', 'Places', 'taken', 'Fill rate in %', 'confirmed', 'Waiting list']);
    expect(csvOf(csv.text).find((r) => r[0] === 'Bilder-Messe')).toEqual(['Bilder-Messe', '2026/27', 'Crafts fair', 'published', '100', '49', '49', '3', '1']);
  });

  it('answers a chart it does not know, or an event that does not exist, as not found', async () => {
    await page.get('/verwaltung/statistik.csv?chart=unknown').expect(404);
    await page.get('/verwaltung/statistik.csv?chart=slots').expect(404);
    await page.get('/verwaltung/statistik.csv?chart=slots&eventId=00000000-0000-4000-8000-000000000000').expect(404);
    await page.get('/verwaltung/statistik.csv?chart=slots&eventId=kein-uuid').expect(404);
    await organiser.get('/api/v1/statistics/events/00000000-0000-4000-8000-000000000000/bookings-per-day').expect(404);
  });
});
