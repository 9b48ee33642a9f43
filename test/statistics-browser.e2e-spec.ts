import { Browser, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { berlinDate } from '../src/common/time/berlin';
import { accessibilityProblems, hasChromium, launch, screenshot } from './support/browser';
import { explain, newClass, newEvent, newSchool, newStaff, newTimeSlot, PASSWORD } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PAGE_WAIT_MS = 30_000;
const OVERVIEW = ['Auslastung je Veranstaltung', 'Teilnahme je Landkreis', 'Teilnahme je Schulart', 'Schuljahre im Vergleich'];

/**
 * A partner (read only) looks at the statistics in a real browser: every chart is an image
 * with its name, its table is beside it, the selection is a plain form (no script),
 * the charts fit a phone's width, and axe finds nothing on the statistics and event pages.
 */
(hasChromium() ? describe : describe.skip)('statistics charts in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let partnerEmail: string;
  let fairId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    const organiser = (await newStaff(t, Role.Organiser)).client;
    partnerEmail = (await newStaff(t, Role.Partner)).email;
    fairId = (await newEvent(organiser, 'handwerkertag', { title: 'Messe im Bild' })).id;
    const slot = await newTimeSlot(organiser, fairId, 30, '2027-05-08T08:30');
    await newTimeSlot(organiser, fairId, 30, '2027-05-08T10:30');
    for (const [district, schoolType, pupils] of [['nordhausen', 'regelschule', 18], ['kyffhaeuserkreis', 'gymnasium', 9]] as const) {
      const school = await newSchool(t, { approvedBy: organiser, profile: { district, schoolType } });
      const schoolClass = await newClass(school.client, school.id);
      await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils, teachers: 1 }).expect(explain(201));
    }
    browser = await launch();
  }, 60_000);
  jest.setTimeout(180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function checked(page: Page, name: string) {
    await page.waitForLoadState('load');
    problems.push(...(await accessibilityProblems(page)).map((p) => `${name}: ${p}`));
    await screenshot(page, `statistik-${name}`);
  }

  /** How tall the chart's labels are drawn on the screen, in CSS pixels: the SVG scales with the page. */
  const textHeight = (page: Page, name: string) =>
    page.getByRole('img', { name }).evaluate((svg) => (svg.querySelector('text') as SVGTextElement).getBoundingClientRect().height);

  /** The chart named `name` is an image by that name, and the table of its figures is beside it. */
  async function chartWithTable(page: Page, name: string, row: string) {
    const chart = page.getByRole('img', { name });
    await chart.waitFor();
    expect(await chart.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg');
    expect(await textHeight(page, name)).toBeGreaterThanOrEqual(12);
    const table = page.getByRole('region', { name: `Die Zahlen zum Bild „${name}“` }).getByRole('table');
    await table.getByRole('rowheader', { name: row }).waitFor();
    return table;
  }

  it('draws every chart as a named image with its table, and filters without script', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1200, height: 900 }, bypassCSP: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    const page = await context.newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(partnerEmail);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    await page.goto(`${base}/verwaltung/statistik`);
    for (const heading of OVERVIEW) await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await chartWithTable(page, 'Auslastung je Veranstaltung', 'Messe im Bild');
    const districts = await chartWithTable(page, 'Teilnahme je Landkreis', 'Landkreis Nordhausen');
    expect(await districts.getByRole('row', { name: /Kyffhäuserkreis/ }).innerText()).toMatch(/Kyffhäuserkreis\s+1\s+0\s+9\s+1/);
    await chartWithTable(page, 'Teilnahme je Schulart', 'Gymnasium');
    await chartWithTable(page, 'Schuljahre im Vergleich', 'Handwerkertag');
    // no Praxistage offers yet: said, not drawn
    await page.getByText('Noch keine Praktikumsangebote.').waitFor();
    await checked(page, 'uebersicht');

    // the selection is a plain form: a program without events leaves nothing to draw
    await page.getByLabel('Programm').selectOption({ label: 'Praxistage' });
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/program=praxistage/);
    expect(await page.getByRole('img').count()).toBe(0);
    expect(await page.getByText('Noch keine Buchungen.').count()).toBe(4);
    await checked(page, 'leer');

    // on a phone the page keeps its width; a chart keeps its text readable and scrolls sideways in its own region
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/verwaltung/statistik`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await textHeight(page, 'Teilnahme je Landkreis')).toBeGreaterThanOrEqual(11);
    const region = page.getByRole('region', { name: 'Das Bild „Teilnahme je Landkreis“' });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await checked(page, 'telefon');

    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${base}/verwaltung/veranstaltungen/${fairId}`);
    await page.getByRole('link', { name: 'Statistik dieser Veranstaltung' }).click();
    const slots = await chartWithTable(page, 'Auslastung je Zeitfenster, Stand und Platz', '08.05.2027, 08:30');
    expect(await slots.getByRole('row', { name: /08:30/ }).innerText()).toMatch(/30\s+29\s+97\s+0/);
    const today = berlinDate(new Date());
    await chartWithTable(page, 'Buchungen während der Anmeldung', `${today.slice(8, 10)}.${today.slice(5, 7)}.${today.slice(0, 4)}`);
    await checked(page, 'veranstaltung');
    await context.close();
    expect(problems).toEqual([]);
  });
});
