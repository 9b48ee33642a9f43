import { Browser, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { accessibilityProblems, hasChromium, launch, logIn, screenshot } from './support/browser';
import { Member, newClass, newCompany, newPupil, newSchool, newStaff, PASSWORD } from './support/factories';
import { approvedSteckbrief, newYear, participate } from './support/praxistage-year';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The coordinator's proposal in a real browser: from the year's page to the phase's
 * proposal, asked for, followed by reloading the status, one line changed, accepted. Every
 * page on the way is checked with axe-core (WCAG 2.1 AA).
 */
(hasChromium() ? describe : describe.skip)('a Praxistage proposal in a real browser, as the coordinator', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let school: Member & { id: string };
  let eventId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    const organiser = await newStaff(t, Role.Organiser);
    eventId = (await newYear(organiser.client, [1])).eventId;
    school = await newSchool(t, { approvedBy: organiser.client, profile: { name: 'Regelschule am Frauenberg' } });
    const schoolClass = await newClass(school.client, school.id, { name: '8b' });
    for (const [firstName, lastName] of [['Mia', 'Sommer'], ['Ben', 'Winter'], ['Cem', 'Herbst']]) await newPupil(school.client, school.id, schoolClass.id, { firstName, lastName });
    await participate(school.client, eventId, 2, schoolClass.id);
    const holz = await newCompany(t, { approvedBy: organiser.client, profile: { name: 'Tischlerei Holzwerk' } });
    const pflege = await newCompany(t, { approvedBy: organiser.client, profile: { name: 'Pflegedienst Sonnenschein' } });
    await approvedSteckbrief(holz.client, organiser.client, eventId, [{ phase: 1, weekday: 2, places: 1 }], { occupationalField: 'Holz' });
    await approvedSteckbrief(pflege.client, organiser.client, eventId, [{ phase: 1, weekday: 2, places: 1 }], { occupationalField: 'Pflege' });
    browser = await launch();
  }, 60_000);
  jest.setTimeout(120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function checked(page: Page, name: string) {
    await page.waitForLoadState('load');
    problems.push(...(await accessibilityProblems(page)).map((p) => `${name}: ${p}`));
    await screenshot(page, `vorschlag-${name}`);
  }

  it('asks, follows, changes a line and accepts', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await logIn(page, base, school.email, PASSWORD);

    await page.goto(`${base}/praxistage/${eventId}`);
    await page.getByRole('link', { name: 'Vorschlag für Phase 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vorschlag für Phase 1' }).waitFor();
    await checked(page, 'leer');
    await page.getByRole('button', { name: 'Neuen Vorschlag berechnen' }).click();
    // no script: the person reloads until the status says it is ready
    for (let i = 0; i < 50 && !(await page.getByRole('status').textContent())?.includes('fertig'); i++) {
      await page.waitForTimeout(200);
      await page.reload();
    }
    await page.getByRole('status').getByText('Der Vorschlag ist fertig.').waitFor();
    await page.getByRole('status').getByText('2 von 3 Schülerinnen und Schülern bekommen einen Platz.').waitFor();
    await page.getByRole('status').getByText('Nachweislich der bestmögliche Vorschlag').waitFor();
    await page.getByRole('cell', { name: 'Die erlaubten Plätze sind an andere vergeben.' }).waitFor();
    await checked(page, 'fertig');

    // the first placed line is struck by hand
    const firstRow = page.locator('tbody tr').first();
    const pupil = (await firstRow.locator('th').textContent())!.split(' (')[0];
    await firstRow.getByLabel('Anderer Steckbrief').selectOption({ label: '– niemand, Zeile streichen –' });
    await firstRow.getByRole('button', { name: `Ändern ${pupil}` }).click();
    await page.getByRole('row', { name: new RegExp(pupil) }).getByText('Von Hand gestrichen.').waitFor();
    await checked(page, 'geaendert');

    await page.getByRole('button', { name: 'Vorschlag annehmen' }).click();
    await page.getByRole('status').getByText('Dieser Vorschlag wurde angenommen.').waitFor();
    await checked(page, 'angenommen');
    const [{ applications }] = await t.dataSource.query(`SELECT count(*)::int AS applications FROM praxistage_applications WHERE proposal_run_id IS NOT NULL`);
    expect(applications).toBe(1);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('speaks English to a coordinator who chose it, and stays accessible', async () => {
    await school.client.patch('/api/v1/auth/me', { locale: 'en' });
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await logIn(page, base, school.email, PASSWORD);
    await page.goto(`${base}/praxistage/${eventId}`);
    await page.getByRole('link', { name: 'Proposal for phase 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposal for phase 1' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Compute a new proposal' }).click();
    for (let i = 0; i < 50 && !(await page.getByRole('status').textContent())?.includes('ready'); i++) {
      await page.waitForTimeout(200);
      await page.reload();
    }
    await page.getByRole('status').getByText('The proposal is ready.').waitFor();
    await page.getByRole('status').getByText(/Proven the best possible proposal/).waitFor();
    await checked(page, 'englisch');
    expect(await page.locator('main').innerText()).not.toMatch(/Vorschlag|Schülerinnen/);
    await context.close();
    await school.client.patch('/api/v1/auth/me', { locale: 'de' });
    expect(problems).toEqual([]);
  });
});
