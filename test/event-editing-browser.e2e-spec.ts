import { Browser, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { accessibilityProblems, hasChromium, launch, screenshot } from './support/browser';
import { ApiClient, explain, newClass, newEvent, newSchool, newStaff, newTimeSlot, PASSWORD } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PAGE_WAIT_MS = 30_000;

/**
 * An event's year in a real browser: the organiser edits the fair, copies it to next year
 * with its slots, finds a booking in the list, and cancels the fair behind the page that says
 * what it reaches; the school's start page shows its next visit and the class still without
 * one. axe checks every page on the way.
 */
(hasChromium() ? describe : describe.skip)('editing, copying and cancelling an event in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiser: { client: ApiClient; email: string };
  let school: Awaited<ReturnType<typeof newSchool>>;
  let fairId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    organiser = await newStaff(t, Role.Organiser);
    fairId = (await newEvent(organiser.client, 'handwerkertag', { title: 'Handwerkertag 2027' })).id;
    const slot = await newTimeSlot(organiser.client, fairId, 60, '2027-05-08T08:30');
    school = await newSchool(t, { approvedBy: organiser.client, profile: { name: 'Regelschule Jahreslauf' } });
    const eightA = await newClass(school.client, school.id, { name: '8a' });
    await newClass(school.client, school.id, { name: '8b' });
    await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slot.id, schoolClassId: eightA.id, pupils: 22, teachers: 2 }).expect(explain(201));
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
    await screenshot(page, `veranstaltung-${name}`);
  }

  async function logIn(email: string) {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    const page = await context.newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    return page;
  }

  it('the school starts with its next visit and the class still without one', async () => {
    const page = await logIn(school.email);
    await page.waitForURL(/\/start$/);
    await page.getByRole('link', { name: '1 Klasse noch ohne Besuch: Handwerkertag 2027' }).waitFor();
    await page.getByRole('link', { name: /^08\.05\.2027, 08:30: / }).waitFor();
    await checked(page, 'schule-start');
    await page.context().close();
  });

  it('edits the fair, copies it to next year with its slots, finds the booking, and cancels behind the confirmation', async () => {
    const page = await logIn(organiser.email);
    await page.waitForURL(/\/verwaltung$/);
    await page.goto(`${base}/verwaltung/veranstaltungen/${fairId}`);
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await checked(page, 'bearbeiten');
    await page.getByLabel('Ort', { exact: false }).fill('Theaterplatz Nordhausen');
    await page.getByLabel('Anzahl Stände (Handwerkertag)').fill('45');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL(/ok=saved/);
    expect((await organiser.client.get(`/api/v1/events/${fairId}`).expect(200)).body).toMatchObject({ venue: 'Theaterplatz Nordhausen', availability: { stands: { capacity: 45 } } });

    await page.getByRole('link', { name: 'Kopieren' }).click();
    await checked(page, 'kopieren');
    expect(await page.getByLabel('Neuer erster Tag').inputValue()).toBe('2028-05-06');
    expect(await page.getByLabel('Titel').inputValue()).toBe('Handwerkertag 2028');
    await page.getByRole('button', { name: 'Kopie als Entwurf anlegen' }).click();
    await page.waitForURL(/ok=eventCopied/);
    await page.getByRole('heading', { level: 1, name: 'Handwerkertag 2028' }).waitFor();
    await page.getByRole('link', { name: '06.05.2028, 08:30' }).waitFor();
    await checked(page, 'kopie');

    await page.goto(`${base}/verwaltung/veranstaltungen/${fairId}`);
    await page.getByRole('link', { name: 'Alle Buchungen' }).click();
    await page.getByLabel('Name (Schule, Unternehmen, Klasse)').fill('Jahreslauf');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByText('Gefundene Buchungen: 1').waitFor();
    await checked(page, 'buchungen');
    await page.getByRole('link', { name: 'Regelschule Jahreslauf' }).click();
    await page.getByRole('heading', { level: 2, name: 'Verlauf' }).waitFor();
    await checked(page, 'buchung');

    await page.goto(`${base}/verwaltung/veranstaltungen/${fairId}`);
    await page.getByRole('link', { name: 'Veranstaltung absagen' }).click();
    await page.getByText('Buchungen, die storniert werden: 1. Personen, die eine Mail bekommen: 1.').waitFor();
    await checked(page, 'absagen');
    await page.getByLabel(/^Grund/).fill('Hochwasser auf dem Gelände');
    await page.getByRole('button', { name: 'Ja, Veranstaltung absagen' }).click();
    await page.waitForURL(/ok=statusChanged/);
    await page.getByText('abgesagt').first().waitFor();
    expect((await organiser.client.get(`/api/v1/events/${fairId}`).expect(200)).body.status).toBe('cancelled');
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
