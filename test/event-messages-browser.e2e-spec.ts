import { Browser, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { accessibilityProblems, hasChromium, launch, screenshot } from './support/browser';
import { explain, newClass, newCompany, newEvent, newSchool, newStaff, newTimeSlot, PASSWORD, standApplication } from './support/factories';
import { TestMailServer } from './support/mail-server';
import { startTestApp, TestApp } from './support/test-app';

const PAGE_WAIT_MS = 30_000;

/**
 * The organiser writes to the bookers of a fair in a real browser: composes a message in
 * German and English, sees whom it reaches and both mails, sends it (the form sent three
 * times sends once), finds it in the list with its recipients — and the test's SMTP server receives each
 * person's mail in their language. axe checks every page on the way.
 */
(hasChromium() ? describe : describe.skip)('a message to the bookers of an event, in a real browser', () => {
  const inbox = new TestMailServer();
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiser: { email: string };
  let fairId: string;
  let bakery: string;
  let teacher: string;
  const problems: string[] = [];

  beforeAll(async () => {
    await inbox.start();
    t = await startTestApp({ SMTP_URL: inbox.url });
    base = await t.url();
    const staff = await newStaff(t, Role.Organiser);
    organiser = staff;
    fairId = (await newEvent(staff.client, 'handwerkertag', { title: 'Handwerkertag am Abend' })).id;
    const slot = await newTimeSlot(staff.client, fairId, 60, '2027-05-08T08:30');
    const company = await newCompany(t, { approvedBy: staff.client, profile: { name: 'Bäckerei Korn' } });
    bakery = company.email;
    await company.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(explain(201));
    const school = await newSchool(t, { approvedBy: staff.client, profile: { name: 'Regelschule Weltoffen' } });
    teacher = school.email;
    await school.client.patch('/api/v1/auth/me', { locale: 'en' }).expect(200);
    const schoolClass = await newClass(school.client, school.id, { name: '8c' });
    await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 18, teachers: 2 }).expect(explain(201));
    await t.app.get(OutboxWorker).runOnce(); // the booking mails, out of the way
    browser = await launch();
  }, 60_000);
  jest.setTimeout(180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await inbox.stop();
  });

  async function checked(page: Page, name: string) {
    await page.waitForLoadState('load');
    problems.push(...(await accessibilityProblems(page)).map((p) => `${name}: ${p}`));
    await screenshot(page, `nachricht-${name}`);
  }

  it('composes, previews and sends; every booker gets the mail in their language', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    const page = await context.newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(organiser.email);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));

    await page.goto(`${base}/verwaltung/veranstaltungen/${fairId}`);
    await page.getByRole('link', { name: 'Nachricht an die Teilnehmenden schreiben' }).click();
    await page.waitForURL(/\/nachrichten\/neu$/);
    await checked(page, 'schreiben');

    // nobody has a cancelled booking: the preview says so and keeps what was typed
    await page.getByLabel('Betreff (Deutsch)').fill('Parken am Messetag');
    await page.getByLabel('Text (Deutsch)').fill('Bitte parken Sie auf dem Parkplatz Nord.\n\nDanke!');
    for (const status of ['vorgemerkt', 'bestätigt', 'Warteliste']) await page.getByRole('checkbox', { name: status, exact: true }).uncheck();
    await page.getByRole('checkbox', { name: 'storniert' }).check();
    await page.getByRole('button', { name: 'Vorschau ansehen' }).click();
    await page.getByRole('alert').filter({ hasText: 'erreicht die Nachricht niemanden' }).waitFor();
    expect(await page.getByLabel('Betreff (Deutsch)').inputValue()).toBe('Parken am Messetag');
    await checked(page, 'niemand');

    await page.getByRole('checkbox', { name: 'storniert' }).uncheck();
    for (const status of ['vorgemerkt', 'bestätigt', 'Warteliste']) await page.getByRole('checkbox', { name: status, exact: true }).check();
    await page.getByLabel('Betreff (Englisch)').fill('Parking on the fair day');
    await page.getByLabel('Text (Englisch)').fill('Please park in the north car park.\n\nThank you!');
    await page.getByRole('button', { name: 'Vorschau ansehen' }).click();
    await page.getByText('Erreicht 2 Organisationen, 2 Personen').waitFor();
    const german = page.getByRole('region', { name: 'Auf Deutsch – an 1 Person' });
    expect(await german.innerText()).toContain('Bitte parken Sie auf dem Parkplatz Nord.');
    const english = page.getByRole('region', { name: 'Auf Englisch – an 1 Person' });
    expect(await english.innerText()).toContain('Please park in the north car park.');
    await checked(page, 'vorschau');

    // the form sent twice at once (a double-click the browser lets through) and once more by its button: one message, one mail each
    const twice = await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('form[action$="/nachrichten"]')!;
      const send = () => fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>) }).then((res) => res.url);
      return Promise.all([send(), send()]);
    });
    expect(twice.map((url) => new URL(url).search)).toEqual(['?ok=messageSent', '?ok=messageSent']);
    await page.getByRole('button', { name: 'Jetzt an 2 Personen senden' }).click();
    await page.waitForURL(/\/nachrichten\?ok=messageSent$/);
    await page.getByText('Die Nachricht ist unterwegs').waitFor();
    const sent = page.locator('section', { hasText: 'Parken am Messetag' });
    expect(await sent.count()).toBe(1);
    await sent.getByText('Empfängerinnen und Empfänger (2)').click();
    const rows = await sent.locator('tbody tr').allInnerTexts();
    // by organisation: the bakery's member in German, the school's teacher in English
    expect(rows.map((row) => row.split('\t'))).toEqual([
      [bakery, 'Bäckerei Korn', 'Deutsch', 'wartet auf Versand'],
      [teacher, 'Regelschule Weltoffen', 'Englisch', 'wartet auf Versand'],
    ]);
    await checked(page, 'gesendet');

    await t.app.get(OutboxWorker).runOnce();
    const arrived = (email: string) => inbox.to(email).filter((m) => m.subject?.startsWith('Park'));
    expect(arrived(bakery).map((m) => m.subject)).toEqual(['Parken am Messetag']);
    expect(arrived(bakery)[0].text).toContain('Bitte parken Sie auf dem Parkplatz Nord.\n\nDanke!');
    expect(arrived(teacher).map((m) => m.subject)).toEqual(['Parking on the fair day']);
    expect(arrived(teacher)[0].html).toContain('<p>Please park in the north car park.</p>');

    await page.reload();
    await page.locator('section', { hasText: 'Parken am Messetag' }).getByText('Empfängerinnen und Empfänger (2)').click();
    expect(await page.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining('gesendet'), expect.stringContaining('gesendet')]);
    await context.close();
    expect(problems).toEqual([]);
  });
});
