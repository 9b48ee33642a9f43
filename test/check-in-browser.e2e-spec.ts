import { readFile } from 'node:fs/promises';
import jsQR from 'jsqr';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { accessibilityProblems, hasChromium, launch, screenshot } from './support/browser';
import { explain, newClass, newEvent, newSchool, newStaff, newTimeSlot, PASSWORD } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PAGE_WAIT_MS = 30_000;

/**
 * The day of the fair in a real browser: the school finds the QR code on its booking (and a
 * camera reads it), the organiser hands out a door login, entrance staff on a phone open the
 * QR address, log in and let 23 pupils and 2 teachers in; the organiser's live view counts
 * them, and the door login is refused elsewhere. axe checks every page on the way.
 */
(hasChromium() ? describe : describe.skip)('check-in at the entrance, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiser: { email: string };
  let school: { email: string };
  let fairId: string;
  let visitId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    const staff = await newStaff(t, Role.Organiser);
    organiser = staff;
    fairId = (await newEvent(staff.client, 'handwerkertag', { title: 'Handwerkertag im Browser' })).id;
    const slot = await newTimeSlot(staff.client, fairId, 60, '2027-05-08T08:30');
    const booker = await newSchool(t, { approvedBy: staff.client, profile: { name: 'Regelschule am Tor' } });
    school = booker;
    const schoolClass = await newClass(booker.client, booker.id, { name: '8d' });
    visitId = (await booker.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 24, teachers: 2 }).expect(explain(201))).body.id;
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
    await screenshot(page, `einlass-${name}`);
  }

  async function loggedIn(context: BrowserContext, email: string, password = PASSWORD) {
    const page = await context.newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    return page;
  }

  it('lets the school show its QR code, entrance staff on a phone check the class in, and the organiser count them', async () => {
    const desk = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    desk.setDefaultTimeout(PAGE_WAIT_MS);

    // the school's booking page: the QR code as a picture with its text, the short code under it
    const schoolPage = await loggedIn(desk, school.email);
    await schoolPage.goto(`${base}/buchungen/${visitId}`);
    const qr = schoolPage.getByRole('img', { name: /QR-Code für den Einlass dieser Klasse; Kurzcode [A-Z0-9]{7}/ });
    await qr.waitFor();
    await checked(schoolPage, 'buchung');
    // what a camera sees: the drawing as pixels (painted by the browser), read by a QR decoder
    const shot = await qr.evaluate(async (figure) => {
      const image = new Image();
      image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(figure.querySelector('svg')!))}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 300;
      const painter = canvas.getContext('2d')!;
      painter.fillStyle = '#fff';
      painter.fillRect(0, 0, 300, 300);
      painter.drawImage(image, 0, 0, 300, 300);
      return Array.from(painter.getImageData(0, 0, 300, 300).data);
    });
    const address = jsQR(new Uint8ClampedArray(shot), 300, 300)?.data;
    expect(address).toMatch(/\/einlass\/[A-Za-z0-9_-]{22}$/);
    const path = new URL(address!).pathname;
    // the school downloads its confirmation: a PDF named for the class visit
    const [download] = await Promise.all([schoolPage.waitForEvent('download'), schoolPage.getByRole('link', { name: 'Dokument (PDF) herunterladen' }).click()]);
    expect(download.suggestedFilename()).toBe(`klassenbesuch-${visitId}.pdf`);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await schoolPage.close();

    // the organiser hands out a door login on the live view
    const organiserPage = await loggedIn(desk, organiser.email);
    await organiserPage.goto(`${base}/verwaltung/veranstaltungen/${fairId}`);
    await organiserPage.getByRole('link', { name: 'Einlass live und Einlass-Zugänge' }).click();
    await organiserPage.getByLabel('Name oder Eingang').fill('Eingang Süd');
    await organiserPage.getByLabel('Anmeldename (E-Mail-Adresse)').fill('eingang-sued@handwerkertag.example');
    await organiserPage.getByRole('button', { name: 'Zugang anlegen' }).click();
    const password = (await organiserPage.locator('.flash .short-code').textContent())!.trim();
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await checked(organiserPage, 'zugang');

    // entrance staff: a phone, the QR address from its camera, the login on the way
    const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, bypassCSP: true });
    phone.setDefaultTimeout(PAGE_WAIT_MS);
    const door = await phone.newPage();
    await door.goto(`${base}${path}`);
    await door.waitForURL(/\/anmelden\?weiter=/);
    await door.locator('#email').fill('eingang-sued@handwerkertag.example');
    await door.locator('#password').fill(password);
    await door.getByRole('button', { name: 'Anmelden' }).click();
    await door.waitForURL((url) => url.pathname === path);
    await door.getByRole('heading', { name: 'Regelschule am Tor, 8d' }).waitFor();
    await checked(door, 'klasse');
    const confirm = door.getByRole('button', { name: 'Einlass bestätigen' });
    const box = (await confirm.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44); // a thumb's target
    expect(box.width).toBeLessThanOrEqual(375);
    await door.getByLabel('Schülerinnen und Schüler').fill('23');
    await door.getByLabel('Lehrkräfte').fill('2');
    await confirm.click();
    await door.getByText('Die Klasse ist eingelassen.').waitFor();
    await door.getByText(/Eingelassen am .* von Eingang Süd/).waitFor();
    await checked(door, 'eingelassen');
    // nothing else: the door login's other pages are refused
    const refused = await door.goto(`${base}/buchungen`);
    expect(refused!.status()).toBe(403);
    expect((await door.goto(`${base}/verwaltung/veranstaltungen/${fairId}/einlass`))!.status()).toBe(403);
    await door.goto(`${base}/veranstaltungen/${fairId}/einlass`);
    await checked(door, 'eingang');

    // the organiser's live view counts them
    await organiserPage.getByRole('link', { name: 'Jetzt neu laden' }).click();
    const slotRow = organiserPage.getByRole('row', { name: /08:30/ });
    await expect(slotRow.locator('td').first().textContent()).resolves.toBe('25');
    await expect(slotRow.locator('td').nth(2).textContent()).resolves.toBe('23 / 24');
    await checked(organiserPage, 'live');
    expect(problems).toEqual([]);
  });
});
