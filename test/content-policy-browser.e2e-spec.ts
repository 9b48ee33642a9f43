import { Browser, BrowserContext } from 'playwright-core';
import { Role } from '../src/common/identity/role';
import { AttendeeLists } from '../src/exports/attendee-lists';
import { hasChromium, launch, logIn } from './support/browser';
import { explain, newStaff, PASSWORD } from './support/factories';
import { WHO_MAY } from './support/page-access';
import { PageRoute, pageRoutes } from './support/page-routes';
import { fill, ID_OF, PAGE_PROGRAMS, variants } from './support/page-walk';
import { startTestApp, TestApp } from './support/test-app';
import { furnishWorld, World } from './support/world';

const PAGE_WAIT_MS = 30_000;
type Who = 'anonymous' | 'pupil' | Role.Organiser | Role.CompanyMember | Role.SchoolMember | Role.Door;

/**
 * Every page a role may open, and every printable list, in Chromium with the app's own
 * Content-Security-Policy enforced as a person's browser enforces it (no bypass): nothing
 * may be refused — no style, script, font or image. The other browser tests bypass the
 * policy to inject axe; this walk is what keeps them honest about it.
 */
(hasChromium() ? describe : describe.skip)('the content policy refuses nothing on any page', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let world: World;
  let routes: PageRoute[];
  let organiserEmail: string;
  let pupilCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.url();
    world = await furnishWorld(t);
    organiserEmail = (await newStaff(t, Role.Organiser)).email;
    const [letter] = (await world.school.client.post(`/api/v1/praxistage/years/${world.events['praxistage-year']}/codes`, { pupilIds: [world.ids.pupilId] }).expect(explain(200))).body;
    pupilCode = letter.code;
    routes = pageRoutes(t).filter((route) => route.method === 'get');
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const mayOpen = (who: Who, route: PageRoute) => {
    const may = WHO_MAY[`GET ${route.path}`];
    if (may === 'public') return true;
    if (may === 'pupil') return who === 'pupil';
    return who !== 'anonymous' && who !== 'pupil' && may.includes(who);
  };

  /** The addresses a role opens: each page it may use with the world's own ids, each form of its path. */
  const addressesOf = (who: Who) =>
    routes
      .filter((route) => mayOpen(who, route))
      .flatMap((route) =>
        variants(route).map(({ words, program }) =>
          fill(route.path, Object.fromEntries(route.params.map((param) => [param, param in words ? words[param] : param === 'eventId' ? world.events[program] : ID_OF[param](world.ids, words)]))),
        ),
      )
      .filter((path, i, all) => all.indexOf(path) === i);

  async function loggedIn(who: Who): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'de-DE' });
    context.setDefaultTimeout(PAGE_WAIT_MS);
    const page = await context.newPage();
    if (who === 'pupil') {
      await page.goto(`${base}/tip`);
      await page.locator('#code').fill(pupilCode);
      await page.locator('#code').press('Enter');
      await page.waitForURL((url) => url.pathname !== '/tip');
    } else if (who !== 'anonymous') {
      const email = { [Role.Organiser]: organiserEmail, [Role.CompanyMember]: world.company.email, [Role.SchoolMember]: world.school.email, [Role.Door]: world.door.email }[who];
      await logIn(page, base, email, who === Role.Door ? world.door.password : PASSWORD);
    }
    await page.close();
    return context;
  }

  /** Opens each address and gathers what the browser refused by the policy, and the pages it could not open. */
  async function walk(context: BrowserContext, paths: string[]) {
    const refused: string[] = [];
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(`${new URL(page.url()).pathname}: ${message.text()}`);
    });
    let opened = 0;
    for (const path of paths) {
      try {
        await page.goto(`${base}${path}`, { waitUntil: 'load' });
        opened++;
      } catch (error) {
        // a PDF, a calendar or a spreadsheet is a download, not a page: nothing to refuse there
        if (!/Download is starting/.test(String(error))) throw error;
      }
    }
    await page.close();
    return { refused, opened };
  }

  it.each<Who>(['anonymous', 'pupil', Role.Organiser, Role.CompanyMember, Role.SchoolMember, Role.Door])('%s: every page it may open keeps its styles and scripts', async (who) => {
    const context = await loggedIn(who);
    const paths = addressesOf(who);
    const { refused, opened } = await walk(context, paths);
    await context.close();
    expect(refused).toEqual([]);
    expect(opened).toBeGreaterThan(0);
  }, 300_000);

  it('organiser: every printable list keeps its styles', async () => {
    const lists = t.app.get(AttendeeLists);
    const paths = PAGE_PROGRAMS.flatMap((program) => lists.offeredFor(program).map((list) => `/api/v1/events/${world.events[program]}/lists/${list}?format=html`));
    expect(paths.length).toBeGreaterThanOrEqual(5);
    const context = await loggedIn(Role.Organiser);
    const { refused, opened } = await walk(context, paths);
    await context.close();
    expect(refused).toEqual([]);
    expect(opened).toBe(paths.length);
  }, 120_000);
});
