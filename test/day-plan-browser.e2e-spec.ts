import { Browser, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { SolverRunner } from '../src/allocation/solver-runner';
import { accessibilityProblems, hasChromium, launch, screenshot } from './support/browser';
import { explain, newClass, newCompany, newEvent, newSchool, newStaff, PASSWORD } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PAGE_WAIT_MS = 30_000;

/**
 * The host school's day plan in a real browser, with the keyboard where it matters: it enters
 * a class's wishes, asks for a proposal, sees it being computed, leaves the page and comes
 * back, reloads the status until the grid is there as a table with headers, has a pin that
 * breaks a rule refused with the conflict named, pins a cell, solves again and books the plan.
 * A company says when it is there. axe checks every page on the way.
 */
(hasChromium() ? describe : describe.skip)('the day plan of a Schule-trifft-Wirtschaft day, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let host: Awaited<ReturnType<typeof newSchool>>;
  let joiner: Awaited<ReturnType<typeof newCompany>>;
  let eventId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    const organiser = (await newStaff(t, Role.Organiser)).client;
    host = await newSchool(t, { approvedBy: organiser, profile: { name: 'Johann-Carl-Fuhlrott-Schule' } });
    eventId = (await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: host.id, title: 'Berufe zum Anfassen' })).id;
    for (const [number, start, end] of [[1, '08:00', '08:45'], [2, '08:50', '09:35']] as const) {
      await host.client.post(`/api/v1/events/${eventId}/periods`, { number, startsAt: `2027-03-10T${start}`, endsAt: `2027-03-10T${end}` }).expect(201);
    }
    for (const name of ['8a', '8b']) {
      const schoolClass = await newClass(host.client, host.id, { name, grade: 8 });
      await host.client.post(`/api/v1/events/${eventId}/classes`, { schoolClassId: schoolClass.id }).expect(201);
    }
    await host.client.post(`/api/v1/events/${eventId}/rooms`, { name: 'Raum 101' }).expect(201);
    await host.client.post(`/api/v1/events/${eventId}/rooms`, { name: 'Werkraum', kind: 'workshop' }).expect(201);
    joiner = await newCompany(t, { approvedBy: organiser, profile: { name: 'Tischlerei Span', branch: 'Tischlerhandwerk' } });
    const bank = await newCompany(t, { approvedBy: organiser, profile: { name: 'Sparkasse Eichsfeld', branch: 'Bank' } });
    for (const company of [joiner, bank]) await company.client.post(`/api/v1/events/${eventId}/registrations`).expect(explain(201));
    browser = await launch();
  }, 60_000);
  jest.setTimeout(180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function loggedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    const page = await context.newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    return page;
  }

  /** No script: the person follows the status link until the proposal is computed. */
  async function untilSolved(page: Page) {
    const solving = page.getByRole('status').getByText('Der Vorschlag wird berechnet');
    for (let i = 0; i < 100 && (await solving.count()) > 0; i++) {
      await page.waitForTimeout(200);
      const before = page.url();
      await page.getByRole('link', { name: 'Stand neu laden' }).click();
      await page.waitForURL((url) => url.toString() !== before);
    }
    expect(await solving.count()).toBe(0);
  }

  async function checked(page: Page, name: string) {
    await page.waitForLoadState('load');
    problems.push(...(await accessibilityProblems(page)).map((p) => `${name}: ${p}`));
    await screenshot(page, `tagesplan-${name}`);
  }

  it('a company says when it is there and which room it needs', async () => {
    const page = await loggedIn(joiner.email);
    await page.goto(`${base}/veranstaltungen/${eventId}`);
    await page.getByRole('link', { name: 'Tagesplan aus Wünschen' }).click();
    await page.waitForURL(/\/tagesplan$/);
    await checked(page, 'unternehmen');
    await page.getByLabel('Anzahl Teams (gleichzeitig in verschiedenen Klassen)').fill('1');
    await page.getByRole('checkbox', { name: '2. Stunde' }).check();
    await page.getByLabel('Raum, den Sie brauchen').selectOption({ label: 'Werkstatt' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/ok=saved/);
    expect(await page.getByRole('checkbox', { name: '2. Stunde' }).isChecked()).toBe(true);
    await page.context().close();
  });

  it('the host school enters wishes, gets a proposal, pins a cell, solves again and books the plan', async () => {
    const page = await loggedIn(host.email);
    await page.goto(`${base}/veranstaltungen/${eventId}/tagesplan`);
    await checked(page, 'leer');

    // 8a wants the joinery first: chosen with the keyboard
    const wishes8a = page.getByRole('group', { name: 'Klasse 8a' });
    await wishes8a.getByLabel('Einheiten der Klasse (leer: in jeder Stunde)').fill('2');
    await wishes8a.getByLabel('1. Wunsch').focus();
    await wishes8a.getByLabel('1. Wunsch').selectOption({ label: 'Berufsfeld: Tischlerhandwerk' });
    await wishes8a.getByRole('button', { name: 'Wünsche speichern' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/ok=saved/);

    // the solve is held until the person has left the page and come back: it goes on without them
    const runner = t.app.get(SolverRunner);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const solve = runner.solve.bind(runner);
    const held = jest.spyOn(runner, 'solve').mockImplementation(async (request) => (await gate, solve(request)));
    try {
      await page.getByRole('button', { name: 'Vorschlag machen' }).click();
      await page.waitForURL(/\/tagesplan#vorschlag$/);
      await page.getByRole('status').getByText('Der Vorschlag wird berechnet … Sie können die Seite verlassen und später wiederkommen.').waitFor();
      expect(await page.getByRole('button', { name: 'Vorschlag machen' }).count()).toBe(0);
      await checked(page, 'wird-berechnet');
      await page.goto(`${base}/veranstaltungen/${eventId}`);
      await page.getByRole('link', { name: 'Tagesplan aus Wünschen' }).click();
      await page.getByRole('status').getByText('Der Vorschlag wird berechnet').waitFor();
      release();
      await untilSolved(page);
    } finally {
      release();
      held.mockRestore();
    }
    await checked(page, 'vorschlag');
    const grid = page.getByRole('table', { name: 'Vorgeschlagener Plan: Klassen × Stunden' });
    await expect(grid.getByRole('columnheader', { name: '2. Stunde' }).count()).resolves.toBe(1);
    const row8a = grid.getByRole('row', { name: /^8a/ });
    expect(await row8a.getByRole('cell').nth(1).innerText()).toContain('Tischlerei Span (Werkraum)');
    expect(await page.getByText('beweisbar bestmöglich').count()).toBe(1);

    // the joinery in the 1st period breaks its own availability: refused, naming the conflict
    const pinForm = page.locator('form[action$="/tagesplan/festlegen"]');
    await pinForm.getByLabel('Klasse').selectOption({ label: '8b' });
    await pinForm.getByLabel('Stunde').selectOption({ label: '1. Stunde' });
    await pinForm.getByLabel('Unternehmen').selectOption({ label: 'Tischlerei Span' });
    await pinForm.getByLabel('Raum').selectOption({ label: 'Werkraum (Werkstatt)' });
    await pinForm.getByRole('button', { name: 'Festlegen' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Tischlerei Span ist in der 1. Stunde nicht da.');
    await checked(page, 'festlegen-abgelehnt');

    // the bank into 8b, 1st period, Raum 101: pinned, and it stays through the next solve
    await pinForm.getByLabel('Unternehmen').selectOption({ label: 'Sparkasse Eichsfeld' });
    await pinForm.getByLabel('Raum').selectOption({ label: 'Raum 101 (Klassenraum)' });
    await pinForm.getByRole('button', { name: 'Festlegen' }).click();
    await page.waitForURL(/ok=saved/);
    await page.getByRole('button', { name: 'Neu rechnen (Festlegungen bleiben)' }).click();
    await page.waitForURL(/\/tagesplan#vorschlag$/);
    await untilSolved(page);
    const row8b = page.getByRole('table', { name: 'Vorgeschlagener Plan: Klassen × Stunden' }).getByRole('row', { name: /^8b/ });
    expect(await row8b.getByRole('cell').nth(0).innerText()).toMatch(/Sparkasse Eichsfeld \(Raum 101\)\s*festgelegt/);

    await page.getByRole('button', { name: 'Plan buchen' }).click();
    await page.waitForURL(/ok=dayPlanCommitted/);
    await checked(page, 'gebucht');
    expect(await page.getByText('Dieser Plan ist gebucht.').count()).toBe(1);
    const sessions = await t.dataSource.query(`SELECT count(*) FROM bookings WHERE event_id = $1 AND kind = 'session' AND status = 'confirmed'`, [eventId]);
    expect(Number(sessions[0].count)).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it('finds no accessibility problems on the way', () => {
    expect(problems).toEqual([]);
  });
});
