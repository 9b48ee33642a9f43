import { Browser, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { accessibilityProblems, hasChromium, launch, logIn, screenshot } from './support/browser';
import { ApiClient, explain, newClass, newCompany, newEvent, newSchool, newStaff, newTimeSlot, PASSWORD, standApplication } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PAGE_WAIT_MS = 30_000;

/**
 * The organiser's morning in a real browser: the desk lists what waits and each entry leads
 * to its work; a stand application is decided from there; a class visit is moved to a full
 * slot (refused, the old place kept) and then to a free one (moved, and the class waiting for
 * the old slot moves up). axe checks every page on the way.
 */
(hasChromium() ? describe : describe.skip)('the organiser\'s desk in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiser: { client: ApiClient; email: string };
  let fairId: string;
  let evening: Awaited<ReturnType<typeof newCompany>>;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    organiser = await newStaff(t, Role.Organiser);
    await newCompany(t, { profile: { name: 'Dachdeckerei Neu' } });
    const company = await newCompany(t, { approvedBy: organiser.client, profile: { name: 'Bäckerei Morgen' } });
    evening = await newCompany(t, { approvedBy: organiser.client, profile: { name: 'Brauerei Abend' } });
    fairId = (await newEvent(organiser.client, 'handwerkertag', { title: 'Handwerkertag am Morgen' })).id;
    await company.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(explain(201));
    const early = await newTimeSlot(organiser.client, fairId, 20, '2027-05-08T08:30');
    const full = await newTimeSlot(organiser.client, fairId, 10, '2027-05-08T10:30');
    await newTimeSlot(organiser.client, fairId, 40, '2027-05-08T12:30');
    const school = await newSchool(t, { approvedBy: organiser.client, profile: { name: 'Regelschule Frühaufsteher' } });
    const book = async (name: string, slotId: string, pupils: number) => {
      const schoolClass = await newClass(school.client, school.id, { name });
      await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slotId, schoolClassId: schoolClass.id, pupils, teachers: 1 }).expect(explain(201));
    };
    await book('8a', early.id, 17);
    await book('8b', early.id, 14); // waits: 18 + 15 > 20
    await book('9a', full.id, 9);
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
    await screenshot(page, `schreibtisch-${name}`);
  }

  it('leads from the desk to the work, and moves a class visit only where there is room', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    const page = await context.newPage();
    await logIn(page, base, organiser.email, PASSWORD);
    await page.goto(`${base}/verwaltung`);
    await checked(page, 'uebersicht');
    const todo = page.getByRole('region', { name: 'Zu tun' });
    await todo.getByRole('link', { name: '1 Betrieb wartet auf Freischaltung' }).waitFor();
    await todo.getByRole('link', { name: '1 Buchung auf der Warteliste: Handwerkertag am Morgen' }).waitFor();

    await todo.getByRole('link', { name: '1 Standanmeldung zu entscheiden: Handwerkertag am Morgen' }).click();
    await page.waitForURL(/#standanmeldungen$/);
    await checked(page, 'messe');
    await page.getByLabel('Standnummer').first().fill('7');
    await page.getByRole('button', { name: 'Bestätigen' }).first().click();
    await page.waitForURL(/ok=/);

    // 8a (18 persons) to the full 10:30 slot: refused, it stays at 08:30
    const row = page.locator('tr', { hasText: '8a' }).first();
    await row.getByRole('combobox').selectOption({ label: '08.05.2027, 10:30 (0 frei)' });
    await row.getByRole('button', { name: 'Verschieben Regelschule Frühaufsteher 8a' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dort ist kein Platz mehr frei.' }).waitFor();
    await checked(page, 'verschieben-abgelehnt');
    expect(await page.locator('tr', { hasText: '8a' }).first().innerText()).toContain('08.05.2027, 08:30');

    // to 12:30, where there is room: moved, and 8b, which waited for 08:30, has its place
    const again = page.locator('tr', { hasText: '8a' }).first();
    await again.getByRole('combobox').selectOption({ label: '08.05.2027, 12:30 (40 frei)' });
    await again.getByRole('button', { name: 'Verschieben Regelschule Frühaufsteher 8a' }).click();
    await page.waitForURL(/ok=moved/);
    await page.getByText('Der Klassenbesuch ist verschoben').waitFor();
    expect(await page.locator('tr', { hasText: '8a' }).first().innerText()).toContain('08.05.2027, 12:30');
    expect(await page.locator('tr', { hasText: '8b' }).first().innerText()).toContain('bestätigt');
    await page.getByText('Niemand wartet.').waitFor();
    await checked(page, 'verschoben');

    await page.goto(`${base}/verwaltung`);
    expect(await page.getByRole('region', { name: 'Zu tun' }).innerText()).not.toContain('Warteliste');
    await context.close();
    expect(problems).toEqual([]);
  });

  it('rejects a stand application behind a page that asks why, and says so when the reason is missing', async () => {
    await evening.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(explain(201));
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    const page = await context.newPage();
    await logIn(page, base, organiser.email, PASSWORD);
    await page.goto(`${base}/verwaltung/veranstaltungen/${fairId}#standanmeldungen`);
    await page.getByRole('link', { name: 'Ablehnen Brauerei Abend' }).click();
    await page.getByRole('heading', { name: 'Buchung ablehnen' }).waitFor();
    await checked(page, 'ablehnen');
    await page.getByRole('button', { name: 'Buchung ablehnen' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel(/Grund der Ablehnung/).getAttribute('aria-invalid')).toBe('true');
    await checked(page, 'ablehnen-ohne-grund');
    await page.getByLabel(/Grund der Ablehnung/).fill('Kein Ausschank auf dem Schulgelände');
    await page.getByRole('button', { name: 'Buchung ablehnen' }).click();
    await page.waitForURL(/\/verwaltung\/veranstaltungen\/.*ok=saved/);
    expect(await page.locator('tr', { hasText: 'Brauerei Abend' }).first().innerText()).toContain('abgelehnt');
    await context.close();
    expect(problems).toEqual([]);
  });
});
