import { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { accessibilityProblems, hasChromium, launch, screenshot } from './support/browser';
import { explain, newColleague, newCompany, newEvent, newStaff, PASSWORD, standApplication } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PAGE_WAIT_MS = 30_000;

/**
 * A member is deactivated and loses the session, in two real browsers: the member is logged
 * in in one, the organiser finds the company in another, opens its page, and deactivates the
 * member behind the confirmation, with the keyboard. The member's next page load goes to the
 * login, where the password no longer lets them in. axe checks every page on the way.
 */
(hasChromium() ? describe : describe.skip)('deactivating a member in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let organiserEmail: string;
  let member: { email: string };
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    const organiser = await newStaff(t, Role.Organiser);
    organiserEmail = organiser.email;
    const company = await newCompany(t, { approvedBy: organiser.client, profile: { name: 'Dachdeckerei Firsthöhe' } });
    member = await newColleague(t, 'company', company.id, 'Rolf Ruhestand');
    const fair = await newEvent(organiser.client, 'handwerkertag', { title: 'Handwerkertag Firsthöhe' });
    await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(explain(201));
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
    await screenshot(page, `mitglied-${name}`);
  }

  async function loggedIn(context: BrowserContext, email: string) {
    const page = await context.newPage();
    await page.goto(`${base}/anmelden`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    return page;
  }

  const newContext = async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 }, bypassCSP: true });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    return context;
  };

  it('ends the member’s session at once; the next page goes to the login, which refuses them', async () => {
    const memberContext = await newContext();
    const memberPage = await loggedIn(memberContext, member.email);
    await memberPage.goto(`${base}/buchungen`);
    await memberPage.getByRole('heading', { name: 'Meine Buchungen' }).waitFor();

    const organiserContext = await newContext();
    const desk = await loggedIn(organiserContext, organiserEmail);
    await desk.goto(`${base}/verwaltung/organisationen`);
    await desk.getByLabel('Name oder Ort enthält').fill('Firsthöhe');
    await desk.getByRole('button', { name: 'Suchen' }).click();
    await desk.getByRole('link', { name: 'Dachdeckerei Firsthöhe' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Dachdeckerei Firsthöhe' }).waitFor();
    await desk.getByRole('link', { name: 'Handwerkertag Firsthöhe' }).or(desk.getByText('Handwerkertag Firsthöhe')).first().waitFor();
    await checked(desk, 'organisation');

    const members = desk.getByRole('region', { name: 'Mitglieder' });
    const row = members.getByRole('row', { name: /Rolf Ruhestand/ });
    expect(await row.innerText()).toContain('aktiv');
    await row.getByRole('link', { name: 'Deaktivieren Rolf Ruhestand' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Zugang deaktivieren: Rolf Ruhestand' }).waitFor();
    await checked(desk, 'bestaetigen');

    // with the keyboard: the reason, then Tab to the button and Enter
    await desk.getByLabel(/^Grund/).focus();
    await desk.keyboard.type('Im Ruhestand');
    await desk.keyboard.press('Tab');
    expect(await desk.evaluate(() => document.activeElement?.textContent)).toBe('Ja, Zugang deaktivieren');
    await desk.keyboard.press('Enter');
    await desk.waitForURL(/ok=memberDeactivated/);
    await desk.getByText('Der Zugang ist deaktiviert; die Person ist abgemeldet.').waitFor();
    expect(await members.getByRole('row', { name: /Rolf Ruhestand/ }).innerText()).toContain('deaktiviert');
    await desk.getByRole('cell', { name: /Mitglied deaktiviert: Rolf Ruhestand/ }).waitFor();
    await checked(desk, 'deaktiviert');

    // the member's next page load: the login
    await memberPage.reload();
    await memberPage.waitForURL(/\/anmelden\?weiter=%2Fbuchungen/);
    await checked(memberPage, 'abgemeldet');
    await memberPage.locator('#email').fill(member.email);
    await memberPage.locator('#password').fill(PASSWORD);
    await memberPage.getByRole('button', { name: 'Anmelden' }).click();
    await memberPage.getByRole('alert').filter({ hasText: 'Ihr Zugang ist deaktiviert' }).waitFor();
    await checked(memberPage, 'anmeldung-abgelehnt');

    await memberContext.close();
    await organiserContext.close();
    expect(problems).toEqual([]);
  });
});
