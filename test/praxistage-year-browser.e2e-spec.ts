import * as ical from 'node-ical';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { ApplicationsService } from '../src/programs/praxistage/applications/applications.service';
import { accessibilityProblems, hasChromium, launch, screenshot } from './support/browser';
import { Member, newClass, newCompany, newPupil, newSchool, newStaff, PASSWORD } from './support/factories';
import { addHolidays, approvedSteckbrief, openPhase, PupilClient } from './support/praxistage-year';
import { startTestApp, TestApp } from './support/test-app';

/** How long a page may take to arrive before a step fails. */
const PAGE_WAIT_MS = 30_000;
/** A phone as a pupil holds it. */
const PHONE = { width: 390, height: 844 };
/** Phase 1 of 2027 on Tuesdays: after the Winterferien until the Osterferien, no public holiday between. */
const PHASE_1_TUESDAYS = ['2027-02-09', '2027-02-16', '2027-02-23', '2027-03-02', '2027-03-09', '2027-03-16'];

/**
 * The whole Praxistage year in a real browser, as the five roles do it: the organiser creates
 * and opens the year, the school sets its weekday and prints the codes, the company writes a
 * Steckbrief, the organiser approves it, a pupil applies with the code on a phone, the company
 * invites and offers, the pupil accepts; the placement's dates and calendar entry follow the
 * phase; in phase 2 the same company is refused; an offer lapses and frees its place; the Plan C
 * list shows the pupil still without a place, for the organiser and the partner. Every page
 * on the way is checked with axe-core (WCAG 2.1 AA).
 */
(hasChromium() ? describe : describe.skip)('the Praxistage year in a real browser, as five roles', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiser: Member;
  let partner: Member;
  let school: Member & { id: string };
  let company: Member & { id: string };
  let other: Member & { id: string };
  let eventId: string;
  let className: string;
  const codes: Record<string, string> = {};
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    organiser = await newStaff(t, Role.Organiser);
    partner = await newStaff(t, Role.Partner);
    await addHolidays(organiser.client);
    school = await newSchool(t, { approvedBy: organiser.client, profile: { name: 'Regelschule am Frauenberg' } });
    company = await newCompany(t, { approvedBy: organiser.client, profile: { name: 'Tischlerei Holzwerk' } });
    other = await newCompany(t, { approvedBy: organiser.client, profile: { name: 'Pflegedienst Sonnenschein' } });
    const schoolClass = await newClass(school.client, school.id, { name: '8b' });
    className = schoolClass.name;
    await newPupil(school.client, school.id, schoolClass.id, { firstName: 'Mia', lastName: 'Sommer' });
    await newPupil(school.client, school.id, schoolClass.id, { firstName: 'Ben', lastName: 'Winter' });
    browser = await launch();
  }, 60_000);
  jest.setTimeout(240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newPage(viewport = { width: 1100, height: 900 }): Promise<[BrowserContext, Page]> {
    // bypassCSP only lets the test inject axe-core; the pages themselves allow no inline script
    const context = await browser.newContext({ locale: 'de-DE', viewport, bypassCSP: true, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    return [context, await context.newPage()];
  }

  async function loggedIn(email: string): Promise<[BrowserContext, Page]> {
    const [context, page] = await newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    return [context, page];
  }

  async function checked(page: Page, name: string) {
    await page.waitForLoadState('load');
    problems.push(...(await accessibilityProblems(page)).map((p) => `${name}: ${p}`));
    await screenshot(page, `jahr-${name}`);
  }

  /** Now plus `minutes` as a `datetime-local` value in German time, as a person types it. */
  const local = (minutes: number) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .format(new Date(Date.now() + minutes * 60_000))
      .replace(' ', 'T');

  it('organiser: creates the year from the school holidays, publishes it and opens phase 1', async () => {
    const [context, page] = await loggedIn(organiser.email);
    await page.goto(`${base}/verwaltung`);
    await page.getByRole('link', { name: 'Praxistage-Durchgang anlegen' }).click();
    await checked(page, 'anlegen');
    await page.locator('#title').fill('Tag in der Praxis 2027/28');
    await page.locator('#firstPhaseYear').fill('2027');
    await page.getByRole('button', { name: 'Als Entwurf anlegen' }).click();
    await page.waitForURL(/\/praxistage\/[0-9a-f-]+\?ok=saved/);
    eventId = new URL(page.url()).pathname.split('/')[2];
    await checked(page, 'organisation-entwurf');
    // the phases proposed from the holidays: Winterferien → Osterferien first
    await expectVisible(page.getByRole('row', { name: /^1 08\.02\.2027 – 19\.03\.2027/ }));
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.waitForURL(/ok=saved/);

    await page.goto(`${base}/praxistage/${eventId}`);
    await page.getByText('Phase 1 ändern').click();
    await page.locator('#applicationsOpenAt-1').fill(local(-60));
    await page.locator('#applicationsCloseAt-1').fill(local(30 * 24 * 60));
    await page.locator('form[action$="/phasen/1"]').getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/ok=saved/);
    await expectVisible(page.getByRole('row', { name: /^1 .*Bewerbung offen/ }));
    await checked(page, 'organisation-offen');
    await context.close();
  });

  it('school: takes part on Tuesdays with a class and prints the letter with the codes', async () => {
    const [context, page] = await loggedIn(school.email);
    await page.goto(`${base}/veranstaltungen/${eventId}`);
    await page.getByRole('link', { name: 'Zum Durchgang' }).click();
    await checked(page, 'schule-durchgang');
    await page.locator('#weekday').selectOption({ label: 'Dienstag' });
    await page.getByRole('button', { name: 'Teilnehmen' }).click();
    await page.waitForURL(/ok=saved/);
    await page.locator('#classId').selectOption({ label: className });
    await page.getByRole('button', { name: 'Ganze Klasse anmelden' }).click();
    await page.waitForURL(/ok=saved/);
    await expectVisible(page.getByRole('link', { name: 'Sommer, Mia' }).first());
    await checked(page, 'schule-teilnehmende');

    await page.getByRole('button', { name: `Codes ausstellen und Brief drucken ${className}` }).click();
    await expectVisible(page.getByRole('heading', { name: 'Brief mit den Codes' }));
    await checked(page, 'schule-codebrief');
    for (const letter of await page.locator('section.letter').all()) {
      codes[(await letter.getByRole('heading').innerText()).includes('Mia') ? 'mia' : 'ben'] = await letter.locator('.code').innerText();
    }
    expect(Object.keys(codes).sort()).toEqual(['ben', 'mia']);
    expect(await page.locator('body').innerText()).toMatch(/Geh auf https?:\/\/\S+\/tip\s/);
    await context.close();
  });

  it('company and organiser: a Steckbrief is written, sent for review and approved', async () => {
    const [context, page] = await loggedIn(company.email);
    await page.goto(`${base}/praxistage/${eventId}`);
    await checked(page, 'betrieb-durchgang');
    const fields: Record<string, string> = {
      occupationalField: 'Holz, Tischlerei', apprenticeship: 'Tischler/in', tasks: 'Hobeln, sägen, einen Hocker bauen', dailyStart: '07:30', dailyEnd: '14:30',
      street: 'Am Sägewerk 3', postalCode: '99734', town: 'Nordhausen', mentor: 'Meister Span', contactPerson: 'Frau Leim', contactPhone: '03631 1234', contactEmail: 'leim@holzwerk.example',
    };
    for (const [name, value] of Object.entries(fields)) await page.locator(`#${name}`).fill(value);
    await page.locator('#district').selectOption('nordhausen');
    await page.locator('#places_1_2').fill('1');
    await page.locator('#places_2_2').fill('1');
    await page.getByRole('button', { name: 'Steckbrief speichern' }).click();
    await page.waitForURL(/\/steckbriefe\/.+ok=saved/);
    const steckbriefUrl = page.url().split('?')[0];
    await checked(page, 'betrieb-steckbrief');
    await page.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await page.waitForURL(/ok=submitted/);
    await expectVisible(page.getByText('zur Prüfung eingereicht'));
    await context.close();

    const [staffContext, staffPage] = await loggedIn(organiser.email);
    await staffPage.goto(`${base}/praxistage/${eventId}`);
    await staffPage.getByRole('link', { name: 'Tischlerei Holzwerk: Holz, Tischlerei' }).click();
    expect(staffPage.url()).toBe(steckbriefUrl);
    await checked(staffPage, 'organisation-pruefen');
    await staffPage.getByRole('button', { name: 'Freigeben' }).click();
    await staffPage.waitForURL(/ok=steckbriefApproved/);
    await expectVisible(staffPage.getByText('Keine Steckbriefe warten auf Prüfung.'));
    await staffContext.close();
  });

  it('pupil on a phone: logs in with the code, finds the Steckbrief on Tuesday, applies', async () => {
    const [context, page] = await newPage(PHONE);
    await page.goto(base);
    await page.getByRole('link', { name: /Mit deinem Code/ }).click();
    await checked(page, 'schueler-anmelden');
    await page.getByLabel('Dein Code').fill(codes.mia.toLowerCase());
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(/\/tip\/plaetze/);
    await expectVisible(page.getByRole('heading', { name: 'Hallo Mia!' }));
    await expectVisible(page.getByText('Dein Praxistag: Dienstag'));
    await checked(page, 'schueler-plaetze');
    await page.getByLabel('Berufsfeld').selectOption('Holz, Tischlerei');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('link', { name: 'Tischlerei Holzwerk' }).click();
    await expectVisible(page.getByText('Hobeln, sägen, einen Hocker bauen'));
    await checked(page, 'schueler-steckbrief');
    // kept on the Merkliste first: the button says so, the list shows it and leads back
    await page.getByRole('button', { name: 'Merken Tischlerei Holzwerk' }).click();
    await expectVisible(page.getByText('Der Betrieb steht auf deiner Merkliste.'));
    await expectVisible(page.getByRole('button', { name: 'Nicht mehr merken Tischlerei Holzwerk' }));
    await page.getByRole('navigation').getByRole('link', { name: 'Merkliste' }).click();
    await page.waitForURL(/\/tip\/merkliste/);
    await checked(page, 'schueler-merkliste');
    await page.getByRole('link', { name: 'Tischlerei Holzwerk' }).click();
    await page.getByLabel('Ein paar Worte an den Betrieb (freiwillig)').fill('Ich baue gern mit Holz.');
    await page.getByRole('button', { name: 'Jetzt bewerben' }).click();
    await page.waitForURL(/\/tip\/bewerbungen\?ok=applied/);
    await expectVisible(page.getByText('beworben', { exact: true }));
    await checked(page, 'schueler-bewerbungen');
    // nothing wider than the phone: no sideways scrolling for the pupil
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('company: sees only what it needs, invites to an interview and offers the place; the pupil accepts', async () => {
    const [context, page] = await loggedIn(company.email);
    await page.goto(`${base}/praxistage/${eventId}/bewerbungen`);
    await checked(page, 'betrieb-bewerbungen');
    const card = page.locator('li.card', { hasText: 'Mia Sommer' });
    await expectVisible(card.getByText('Ich baue gern mit Holz.'));
    await card.getByText('Zum Gespräch einladen').click();
    await card.getByLabel('Wann').fill('2027-01-12T14:00');
    await card.getByLabel('Wo').fill('Werkstatt, Halle 2');
    await card.getByRole('button', { name: 'Einladung senden' }).click();
    await page.waitForURL(/ok=einladen/);
    await page.locator('li.card', { hasText: 'Mia Sommer' }).getByRole('button', { name: 'Platz anbieten Mia Sommer' }).click();
    await page.waitForURL(/ok=anbieten/);
    await expectVisible(page.locator('li.card', { hasText: 'Mia Sommer' }).locator('p.status', { hasText: 'Platz angeboten' }));
    await context.close();

    const [phone, pupilPage] = await newPage(PHONE);
    await pupilLogin(pupilPage, codes.mia);
    await pupilPage.goto(`${base}/tip/bewerbungen`);
    await expectVisible(pupilPage.getByText(/Der Betrieb bietet dir den Platz an!/));
    await checked(pupilPage, 'schueler-angebot');
    await pupilPage.getByRole('button', { name: 'Platz annehmen Tischlerei Holzwerk' }).click();
    await pupilPage.waitForURL(/ok=annehmen/);
    await expectVisible(pupilPage.getByText('Das ist dein Platz für diese Phase.'));
    await phone.close();
  });

  it('school: the placement has the phase\'s Tuesdays and a calendar entry that repeats weekly', async () => {
    const [context, page] = await loggedIn(school.email);
    await page.goto(`${base}/praxistage/${eventId}`);
    await expectVisible(page.getByRole('row', { name: /Sommer, Mia hat Platz/ }));
    await page.getByRole('link', { name: 'Sommer, Mia' }).first().click();
    await checked(page, 'schule-schuelerin');
    await page.getByRole('link', { name: 'Zum Praxisplatz' }).click();
    await checked(page, 'schule-praxisplatz');
    const bookingId = new URL(page.url()).pathname.split('/')[2];
    const dates = await (await page.request.get(`${base}/api/v1/bookings/${bookingId}/dates`)).json();
    expect(dates.days.map((d: { date: string }) => d.date)).toEqual(PHASE_1_TUESDAYS);
    const download = await page.request.get(`${base}/api/v1/bookings/${bookingId}/calendar.ics`);
    const [entry] = Object.values(ical.sync.parseICS(await download.text())).filter((e): e is ical.VEvent => e?.type === 'VEVENT');
    const days = entry.rrule!.between(new Date('2027-01-01'), new Date('2027-12-31'), true).map((d) => d.toISOString().slice(0, 10));
    expect(days).toEqual(PHASE_1_TUESDAYS);
    expect(String(entry.summary)).toContain('Tischlerei Holzwerk');
    await context.close();
  });

  it('phase 2: the same company is refused with a message a pupil understands', async () => {
    // the organiser closes phase 1's applications and opens phase 2's
    await organiser.client.patch(`/api/v1/praxistage/years/${eventId}/phases/1`, { applicationsCloseAt: new Date(Date.now() - 60_000).toISOString() }).expect(200);
    await openPhase(organiser.client, eventId, 2);
    const [context, page] = await newPage(PHONE);
    await pupilLogin(page, codes.mia);
    await expectVisible(page.getByText('Du suchst gerade für Phase 2:'));
    await page.getByRole('link', { name: 'Tischlerei Holzwerk' }).click();
    await page.getByRole('button', { name: 'Jetzt bewerben' }).click();
    await expectVisible(page.getByText('Bei diesem Betrieb warst du schon in einer früheren Phase.'));
    await checked(page, 'schueler-gleicher-betrieb');
    await context.close();
  });

  it('an offer that is not answered lapses and frees its place; Plan C shows who is still without one', async () => {
    const care = await approvedSteckbrief(other.client, organiser.client, eventId, [{ phase: 2, weekday: 2, places: 1 }], { occupationalField: 'Gesundheit, Pflege' });
    const ben = await PupilClient.login(t, codes.ben);
    const applied = await ben.post('/api/v1/pupil/applications', { offerId: care.id }).expect(201);
    await other.client.post(`/api/v1/praxistage/applications/${applied.body.id}/offer`).expect(200);
    // the holding time runs out (the clock is moved, not waited for), and the lapse job runs
    await t.dataSource.query(`UPDATE praxistage_applications SET offered_until = now() - interval '1 minute' WHERE id = $1`, [applied.body.id]);
    expect(await t.app.get(ApplicationsService).lapseDue()).toBe(1);

    const [phone, pupilPage] = await newPage(PHONE);
    await pupilLogin(pupilPage, codes.ben);
    await pupilPage.goto(`${base}/tip/bewerbungen`);
    await expectVisible(pupilPage.getByText('Angebot abgelaufen'));
    await phone.close();

    for (const who of [organiser, partner]) {
      const [context, page] = await loggedIn(who.email);
      await page.goto(`${base}/praxistage/${eventId}`);
      const free = page.getByRole('region', { name: 'Freie Plätze' });
      await expectVisible(free.getByRole('row', { name: /^2 Dienstag Pflegedienst Sonnenschein Gesundheit, Pflege .* 1$/ }));
      // phase 2 begins after the Osterferien, more than two weeks from now: the list looks further ahead
      await page.getByLabel('Phasen, die in so vielen Tagen beginnen').fill('365');
      await page.getByLabel('Phasen, die in so vielen Tagen beginnen').press('Enter');
      await page.waitForURL(/tage=365/);
      const planC = page.getByRole('region', { name: 'Plan C: noch ohne Platz' });
      await expectVisible(planC.getByRole('row', { name: /^2 \(ab 05\.04\.2027\) Regelschule am Frauenberg .* Winter, Ben Dienstag noch nichts$/ }));
      await checked(page, `${who === partner ? 'partner' : 'organisation'}-plan-c`);
      if (who === partner) expect(await page.getByRole('button', { name: 'Veröffentlichen' }).count()).toBe(0);
      await context.close();
    }
  });

  it('every page on the way has no accessibility problems (WCAG 2.1 AA)', () => {
    expect(problems).toEqual([]);
  });

  async function pupilLogin(page: Page, code: string) {
    await page.goto(`${base}/tip`);
    await page.getByLabel('Dein Code').fill(code);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(/\/tip\/plaetze/);
  }
});

async function expectVisible(locator: { waitFor: (o: { state: 'visible'; timeout: number }) => Promise<void> }) {
  await locator.waitFor({ state: 'visible', timeout: PAGE_WAIT_MS });
}
