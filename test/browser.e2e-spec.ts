import * as ical from 'node-ical';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { accessibilityProblems, hasChromium, launch, screenshot } from './support/browser';
import { ApiClient, newClass, newCompany, newEvent, newSchool, newStaff, newTimeSlot, PASSWORD } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** How long a page may take to arrive before a step fails. */
const PAGE_WAIT_MS = 30_000;

/**
 * The pages in a real browser: each role's main flow end to end, an accessibility check
 * (axe-core, WCAG 2.1 AA) on every page on the way, screenshots in test-artifacts/screens.
 * They need Debian's Chromium, which .ci/run installs; on a machine without it they are
 * skipped (with this reason) rather than failing the rest.
 */
(hasChromium() ? describe : describe.skip)('pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiser: ApiClient;
  let organiserEmail: string;
  let fairId: string;
  const problems: string[] = [];
  const checkedPages: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    const staff = await newStaff(t, Role.Organiser);
    organiser = staff.client;
    organiserEmail = staff.email;
    fairId = (await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag im Browser' })).id;
    await newTimeSlot(organiser, fairId, 60, '2027-05-08T08:30');
    browser = await launch();
  }, 60_000);
  jest.setTimeout(180_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  /** Goes to a page (or follows a form) and checks it for accessibility problems. */
  async function checked(page: Page, name: string) {
    await page.waitForLoadState('load');
    problems.push(...(await accessibilityProblems(page)).map((p) => `${name}: ${p}`));
    checkedPages.push(name);
    await screenshot(page, name);
  }

  async function newPage(): Promise<[BrowserContext, Page]> {
    // bypassCSP only lets the test inject axe-core; the pages themselves allow no inline script
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    // generous: on a two-core CI machine the other suites run beside this one; a wait only
    // fails when the page never arrives, it measures nothing
    context.setDefaultTimeout(PAGE_WAIT_MS);
    return [context, await context.newPage()];
  }

  async function register(page: Page, kind: 'schule' | 'unternehmen', name: string, email: string, postalCode = '99734') {
    await page.goto(`${base}/registrieren/${kind}`);
    await page.locator('#name').fill(name);
    if (kind === 'schule') await page.locator('#schoolType').selectOption('regelschule');
    await page.locator('#street').fill('Lessingstraße 5');
    await page.locator('#postalCode').fill(postalCode);
    await page.locator('#town').fill('Nordhausen');
    await page.locator('#district').selectOption('nordhausen');
    if (kind === 'schule') await page.locator('#coordinator').fill('Frau Lehmann');
    else {
      await page.locator('#branch').fill('Bäckerhandwerk');
      await page.locator('#contactPerson').fill('Herr Teig');
    }
    await page.locator('#phone').fill('03631 4711');
    await page.locator('#email').fill(`info-${email}`);
    await page.locator('#personName').fill('Anna Lehrerin');
    await page.locator('#personEmail').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Registrieren' }).click();
  }

  async function approveAsOrganiser(name: string) {
    const [context, page] = await newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(organiserEmail);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.goto(`${base}/verwaltung`);
    await checked(page, 'verwaltung');
    await page.getByRole('button', { name: `Freischalten ${name}` }).click();
    await page.waitForURL(/ok=approved/);
    await context.close();
  }

  it('shows the start page with the programs and open events', async () => {
    const [context, page] = await newPage();
    await page.goto(base);
    await checked(page, 'start');
    await expectVisible(page.getByRole('heading', { name: 'Berufsorientierung in Nordthüringen' }));
    await expectVisible(page.getByRole('link', { name: 'Handwerkertag im Browser' }));
    await page.getByRole('link', { name: 'Handwerkertag im Browser' }).click();
    await checked(page, 'veranstaltung');
    await context.close();
  });

  it('keeps what was typed and names the field when a registration is wrong', async () => {
    const [context, page] = await newPage();
    await register(page, 'schule', 'Schule mit Fehler', 'fehler@schule.example', '9973');
    await checked(page, 'registrierung-fehler');
    await expectVisible(page.getByText('muss aus genau 5 Ziffern bestehen'));
    expect(await page.locator('#town').inputValue()).toBe('Nordhausen');
    expect(await page.locator('#postalCode').getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });

  it('school: registers, is approved, adds a class, books a class visit, cancels it after confirming', async () => {
    const [context, page] = await newPage();
    await register(page, 'schule', 'Regelschule Browser', 'lehrerin@schule.example');
    await page.waitForURL(/ok=registered/);
    await checked(page, 'schule-registriert');
    await approveAsOrganiser('Regelschule Browser');

    await page.goto(`${base}/schule/klassen`);
    await checked(page, 'schule-klassen');
    await page.locator('#name').fill('8a');
    await page.locator('#grade').fill('8');
    await page.locator('#pupilCount').fill('24');
    await page.locator('#classTeacher').fill('Herr Kurz');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/ok=saved/);

    await page.goto(`${base}/veranstaltungen/${fairId}`);
    await checked(page, 'schule-veranstaltung');
    await page.locator('#pupils').fill('24');
    await page.locator('#teachers').fill('2');
    await page.getByRole('button', { name: 'Klassenbesuch buchen' }).click();
    await page.waitForURL(/\/buchungen\/.+ok=booked/);
    await checked(page, 'schule-buchung');
    await expectVisible(page.getByText('bestätigt').first());
    // the calendar entry is downloaded as the browser would, with the member's session
    const download = await page.request.get(base + (await page.getByRole('link', { name: 'Kalendereintrag herunterladen' }).getAttribute('href')));
    expect(download.headers()['content-type']).toContain('text/calendar');
    const entries = Object.values(ical.sync.parseICS(await download.text())).filter((entry) => entry?.type === 'VEVENT');
    expect(entries).toHaveLength(1);
    expect(String((entries[0] as { summary: unknown }).summary)).toContain('Handwerkertag im Browser');

    await page.getByRole('link', { name: 'Stornieren' }).click();
    await checked(page, 'schule-stornieren');
    await page.getByRole('button', { name: 'Ja, stornieren' }).click();
    await page.waitForURL(/ok=cancelled/);
    await expectVisible(page.getByText('storniert').first());

    await page.goto(`${base}/buchungen`);
    await checked(page, 'schule-buchungen');
    await page.locator('#status').selectOption('waitlisted');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expectVisible(page.getByText('Keine Buchungen mit diesem Status.'));
    await page.goto(`${base}/kalender`);
    await checked(page, 'schule-kalender');
    const address = await page.getByLabel('Adresse').inputValue();
    const feed = await fetch(`${base}${new URL(address).pathname}`);
    expect(feed.status).toBe(200);
    await context.close();

    // the confirmation mail is in the outbox for the organiser to see
    await t.app.get(OutboxWorker).runOnce();
    const mails = await organiser.get('/api/v1/outbox?recipient=lehrerin%40schule.example').expect(200);
    expect(mails.body.items.map((m: { subject: string }) => m.subject)).toEqual(
      expect.arrayContaining(['Buchung bestätigt: Handwerkertag im Browser', 'Storniert: Handwerkertag im Browser']),
    );
  });

  it('company and organiser: a stand application confirmed with a stand number', async () => {
    const [context, page] = await newPage();
    await register(page, 'unternehmen', 'Bäckerei Browser', 'meister@baeckerei.example');
    await page.waitForURL(/ok=registered/);
    await approveAsOrganiser('Bäckerei Browser');
    await page.goto(`${base}/veranstaltungen/${fairId}`);
    await page.locator('#standSize').fill('3 x 3 m');
    await page.getByLabel('Wir brauchen Strom').check();
    await page.locator('#handsOnActivity').fill('Brezeln flechten');
    await page.locator('#staffCount').fill('3');
    await page.getByRole('button', { name: 'Stand anmelden' }).click();
    await page.waitForURL(/\/buchungen\/.+ok=booked/);
    await expectVisible(page.getByText('vorgemerkt').first());
    await context.close();

    const [adminContext, admin] = await newPage();
    await admin.goto(`${base}/anmelden`);
    await admin.locator('#email').fill(organiserEmail);
    await admin.locator('#password').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Anmelden' }).click();
    await admin.goto(`${base}/verwaltung/veranstaltungen/${fairId}`);
    await checked(admin, 'verwaltung-veranstaltung');
    await admin.getByLabel('Standnummer').fill('7');
    await admin.getByRole('button', { name: 'Bestätigen' }).click();
    await admin.waitForURL(/ok=saved/);
    await expectVisible(admin.getByRole('cell', { name: '7', exact: true }));
    await admin.goto(`${base}/verwaltung/postausgang`);
    await checked(admin, 'verwaltung-postausgang');
    await adminContext.close();
  });

  it('organiser and partner pages: statistics, holidays, audit log, data protection — partners read only', async () => {
    const [context, page] = await newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(organiserEmail);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    for (const [path, name] of [['statistik', 'verwaltung-statistik'], ['ferien', 'verwaltung-ferien'], ['protokoll', 'verwaltung-protokoll'], ['datenschutz', 'verwaltung-datenschutz']]) {
      await page.goto(`${base}/verwaltung/${path}`);
      await checked(page, name);
    }
    await page.goto(`${base}/verwaltung/ferien`);
    await page.locator('#schoolYear').fill('2026/27');
    await page.locator('#name').fill('Osterferien');
    await page.locator('#firstDay').fill('2027-03-22');
    await page.locator('#lastDay').fill('2027-04-03');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/ok=saved/);
    await expectVisible(page.getByText('Osterferien'));
    await context.close();

    const partner = await newStaff(t, Role.Partner);
    const [partnerContext, partnerPage] = await newPage();
    await partnerPage.goto(`${base}/anmelden`);
    await partnerPage.locator('#email').fill(partner.email);
    await partnerPage.locator('#password').fill(PASSWORD);
    await partnerPage.getByRole('button', { name: 'Anmelden' }).click();
    await partnerPage.goto(`${base}/verwaltung`);
    await expectVisible(partnerPage.getByText('Sie haben Lesezugriff'));
    expect(await partnerPage.getByRole('button', { name: /Freischalten/ }).count()).toBe(0);
    await partnerContext.close();
  });

  it('member profile with colleagues; forgotten password page', async () => {
    const [context, page] = await newPage();
    await register(page, 'unternehmen', 'Profil GmbH', 'profil@firma.example');
    await page.waitForURL(/ok=registered/);
    await page.goto(`${base}/profil`);
    await checked(page, 'profil');
    await page.locator('#town').fill('Sondershausen');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/ok=saved/);
    expect(await page.locator('#town').inputValue()).toBe('Sondershausen');
    await page.locator('#inviteEmail').fill('kollege@firma.example');
    await page.getByRole('button', { name: 'Einladen' }).click();
    await page.waitForURL(/ok=invited/);
    await expectVisible(page.getByText('kollege@firma.example'));
    await context.close();

    const [anonymous, forgot] = await newPage();
    await forgot.goto(`${base}/passwort-vergessen`);
    await checked(forgot, 'passwort-vergessen');
    await forgot.locator('#email').fill('profil@firma.example');
    await forgot.getByRole('button', { name: 'Link schicken' }).click();
    await expectVisible(forgot.getByText('ist der Link unterwegs'));
    await anonymous.close();
  });

  it('Praxistage: a company offers places, a school records a pupil with consent and places them, the company cancels a day', async () => {
    const term = await newEvent(organiser, 'praxistage', { title: 'Praxistage im Browser', startsOn: '2027-02-08', endsOn: '2027-06-30' });
    const [companyContext, company] = await newPage();
    await register(company, 'unternehmen', 'Gärtnerei Browser', 'gaertner@firma.example');
    await company.waitForURL(/ok=registered/);
    await approveAsOrganiser('Gärtnerei Browser');
    await company.goto(`${base}/veranstaltungen/${term.id}`);
    await company.locator('#occupationalField').fill('Gartenbau');
    await company.getByLabel('Mittwoch').check();
    await company.locator('#placesPerWeekday').fill('2');
    await company.locator('#dailyStart').fill('08:00');
    await company.locator('#dailyEnd').fill('13:00');
    await company.locator('#street').fill('Gartenweg 1');
    await company.locator('#postalCode').fill('99734');
    await company.locator('#town').fill('Nordhausen');
    await company.locator('#mentor').fill('Frau Rose');
    await company.locator('#contactPerson').fill('Herr Tulpe');
    await company.locator('#contactPhone').fill('03631 777');
    await company.locator('#contactEmail').fill('gruen@firma.example');
    await company.getByRole('button', { name: 'Angebot veröffentlichen' }).click();
    await company.waitForURL(/ok=saved/);
    await checked(company, 'praxistage-angebot');

    const [schoolContext, school] = await newPage();
    await register(school, 'schule', 'Praxisschule Browser', 'praxis@schule.example');
    await school.waitForURL(/ok=registered/);
    await approveAsOrganiser('Praxisschule Browser');
    await school.goto(`${base}/schule/klassen`);
    await school.locator('#name').fill('8c');
    await school.locator('#grade').fill('8');
    await school.locator('#pupilCount').fill('20');
    await school.locator('#classTeacher').fill('Frau Klee');
    await school.getByRole('button', { name: 'Speichern' }).click();
    await school.goto(`${base}/schule/schueler`);
    await school.locator('#firstName').fill('Ella');
    await school.locator('#lastName').fill('Blatt');
    await school.locator('#consentRecordedOn').fill('2026-09-01');
    await school.getByRole('button', { name: 'Speichern' }).click();
    await school.waitForURL(/ok=saved/);
    await checked(school, 'schule-schueler');
    await school.goto(`${base}/veranstaltungen/${term.id}`);
    await checked(school, 'praxistage-schule');
    await school.getByRole('button', { name: 'Platz buchen' }).click();
    await school.waitForURL(/\/buchungen\/.+ok=booked/);
    await expectVisible(school.getByRole('heading', { name: 'Praxistage' }));
    const bookingUrl = school.url().split('?')[0];
    await schoolContext.close();

    await company.goto(bookingUrl);
    await checked(company, 'praxistage-buchung-betrieb');
    await company.locator('#reason').fill('Betriebsausflug');
    await company.getByRole('button', { name: 'Einzelnen Tag absagen' }).click();
    await company.waitForURL(/ok=dayCancelled/);
    await expectVisible(company.getByText('Betriebsausflug'));

    // the company edits its offer and sees the pupil placed on it; a wrong number is named at its field
    await company.goto(`${base}/veranstaltungen/${term.id}`);
    await company.getByRole('link', { name: 'bearbeiten Gartenbau' }).click();
    await expectVisible(company.getByRole('cell', { name: 'Blatt, Ella' }));
    // another company does not even learn that the offer exists
    const stranger = await newCompany(t, { approvedBy: organiser });
    await stranger.client.get(new URL(company.url()).pathname).expect(404);
    await company.locator('#mentor').fill('Herr Rose');
    await company.getByRole('button', { name: 'Speichern' }).click();
    await company.waitForURL(/ok=saved/);
    expect(await company.locator('#mentor').inputValue()).toBe('Herr Rose');
    await company.locator('#placesPerWeekday').fill('0');
    await company.getByRole('button', { name: 'Speichern' }).click();
    await expectVisible(company.locator('#placesPerWeekday-error'));
    await checked(company, 'praxistage-angebot-bearbeiten');
    await companyContext.close();
  });

  it('Schule trifft Wirtschaft: the host school lays out its day, a company registers and enters a class visit into the grid', async () => {
    const [schoolContext, school] = await newPage();
    await register(school, 'schule', 'Gastschule Browser', 'gast@schule.example');
    await school.waitForURL(/ok=registered/);
    await approveAsOrganiser('Gastschule Browser');
    const found = await organiser.get('/api/v1/schools?q=Gastschule%20Browser').expect(200);
    const day = await newEvent(organiser, 'schule-trifft-wirtschaft', { title: 'Schule trifft Wirtschaft im Browser', hostSchoolId: found.body.items[0].id });
    await school.goto(`${base}/schule/klassen`);
    await school.locator('#name').fill('9a');
    await school.locator('#grade').fill('9');
    await school.locator('#pupilCount').fill('24');
    await school.locator('#classTeacher').fill('Herr Kreide');
    await school.getByRole('button', { name: 'Speichern' }).click();
    await school.waitForURL(/ok=saved/);
    await school.goto(`${base}/veranstaltungen/${day.id}`);
    await expectVisible(school.getByText('Die Schule hat noch keine Stunden und Klassen eingetragen.'));
    expect(await school.getByRole('button', { name: 'Eintragen', exact: true }).count()).toBe(0);
    await school.getByRole('button', { name: 'Stunde hinzufügen' }).click();
    await expectVisible(school.getByText('Bitte korrigieren Sie die markierten Angaben.').first());
    await school.locator('#number').fill('1');
    await school.locator('#startsAt').fill('2027-03-10T08:00');
    await school.locator('#endsAt').fill('2027-03-10T08:45');
    await school.getByRole('button', { name: 'Stunde hinzufügen' }).click();
    await school.waitForURL(/ok=saved/);
    await school.getByRole('button', { name: 'Klasse teilnehmen lassen' }).click();
    await school.waitForURL(/ok=saved/);
    await school.locator('#name').fill('Aula');
    await school.getByRole('button', { name: 'Raum hinzufügen' }).click();
    await school.waitForURL(/ok=saved/);
    await expectVisible(school.getByRole('cell', { name: 'frei' }));
    await checked(school, 'stw-gastschule');

    const [companyContext, company] = await newPage();
    await register(company, 'unternehmen', 'Tischlerei Browser', 'tischler@firma.example');
    await company.waitForURL(/ok=registered/);
    await approveAsOrganiser('Tischlerei Browser');
    await company.goto(`${base}/veranstaltungen/${day.id}`);
    await company.getByRole('button', { name: 'Für diesen Tag anmelden' }).click();
    await company.waitForURL(/ok=dayRegistered/);
    await company.locator('#roomId').selectOption({ label: 'Aula' });
    await checked(company, 'stw-betrieb');
    await company.getByRole('button', { name: 'Eintragen' }).click();
    await company.waitForURL(/\/buchungen\/.+ok=booked/);
    await companyContext.close();

    await school.goto(`${base}/veranstaltungen/${day.id}`);
    await expectVisible(school.getByRole('cell', { name: 'Tischlerei Browser (Aula)' }));
    await expectVisible(school.getByRole('cell', { name: 'Bäckerhandwerk' }));
    // with a registered company the host may now enter visits itself, naming the company
    await expectVisible(school.getByRole('combobox', { name: 'Betrieb' }));
    await checked(school, 'stw-tagesplan');
    // a period with a visit in it stays; an unused room can go
    await school.getByRole('button', { name: /^Entfernen Stunde 1\./ }).click();
    await expectVisible(school.getByRole('alert'));
    await expectVisible(school.getByRole('cell', { name: 'Tischlerei Browser (Aula)' }));
    await schoolContext.close();
  });

  it('organiser: finds a school by search and sees who waits for a full time slot, in order', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Volle Messe im Browser' });
    const slot = await newTimeSlot(organiser, fair.id, 20);
    const first = await newSchool(t, { approvedBy: organiser, profile: { name: 'Erste Wartende Regelschule' } });
    const second = await newSchool(t, { approvedBy: organiser, profile: { name: 'Zweite Wartende Regelschule' } });
    for (const school of [first, first, second]) {
      const own = await newClass(school.client, school.id);
      await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: own.id, pupils: 15, teachers: 1 }).expect(201);
    }

    const [context, page] = await newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(organiserEmail);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.goto(`${base}/verwaltung/veranstaltungen/${fair.id}`);
    const rows = page.getByRole('region', { name: 'Warteliste' }).getByRole('row');
    await expectVisible(rows.nth(2));
    expect(await rows.nth(1).innerText()).toContain('Erste Wartende Regelschule');
    expect(await rows.nth(2).innerText()).toContain('Zweite Wartende Regelschule');
    await checked(page, 'verwaltung-warteliste');

    await page.goto(`${base}/verwaltung/organisationen`);
    await page.locator('#art').selectOption('schulen');
    await page.locator('#suche').fill('zweite wartende');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expectVisible(page.getByRole('cell', { name: 'Zweite Wartende Regelschule' }));
    expect(await page.getByRole('cell', { name: 'Erste Wartende Regelschule' }).count()).toBe(0);
    await checked(page, 'verwaltung-organisationen');
    await page.locator('#suche').fill('gibt es nicht');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expectVisible(page.getByText('Nichts gefunden.', { exact: false }));
    await context.close();
  });

  it('fits a phone: no sideways scrolling on the start, event and login pages', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    const page = await context.newPage();
    for (const [path, name] of [['/', 'handy-start'], [`/veranstaltungen/${fairId}`, 'handy-veranstaltung'], ['/anmelden', 'handy-anmelden']]) {
      await page.goto(`${base}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      await checked(page, name);
    }
    await context.close();
  });

  it('switches to English and back, remembered', async () => {
    const [context, page] = await newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'English' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Career orientation in Nordthüringen' }));
    await page.goto(`${base}/anmelden`);
    await expectVisible(page.getByRole('heading', { name: 'Log in' }));
    await checked(page, 'login-en');
    await context.close();
  });

  it('is refused nothing by its own content policy: pages and the printable lists keep their styles', async () => {
    // without bypassing the policy, as a person's browser enforces it
    const context = await browser.newContext({ locale: 'de-DE' });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
    });
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(organiserEmail);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    for (const path of ['/', `/veranstaltungen/${fairId}`, '/verwaltung', `/verwaltung/veranstaltungen/${fairId}`, `/api/v1/events/${fairId}/lists/stands?format=html`]) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('load');
    }
    // the print view of a list is styled: bordered cells in the sans-serif of the pages
    const header = page.locator('th').first();
    expect(await header.evaluate((th) => [getComputedStyle(th).borderTopStyle, getComputedStyle(th).fontFamily])).toEqual(['solid', 'Arial, Helvetica, sans-serif']);
    expect(refused).toEqual([]);
    await context.close();
  });

  it('found no accessibility problems on any page visited', () => {
    expect(checkedPages.length).toBeGreaterThanOrEqual(12);
    expect(problems).toEqual([]);
  });
});

async function expectVisible(locator: { waitFor: (o: { state: 'visible'; timeout: number }) => Promise<void> }) {
  await locator.waitFor({ state: 'visible', timeout: PAGE_WAIT_MS });
}
