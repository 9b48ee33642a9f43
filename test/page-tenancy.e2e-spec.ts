import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { Role } from '../src/common/identity/role';
import { explain, newEvent, newStaff } from './support/factories';
import { PATH_WORDS, sampleForm, WHO_MAY } from './support/page-access';
import { PageRoute, pageRoutes } from './support/page-routes';
import { cross, fill, ID_OF, PageProgram, PAGE_PROGRAMS, variants } from './support/page-walk';
import { PageVisitor } from './support/page-visitor';
import { changedTables, tableSnapshot } from './support/table-snapshot';
import { startTestApp, TestApp } from './support/test-app';
import { furnishWorld, Ids, World } from './support/world';

/**
 * Walks every page route, for every role, with own ids, ids of another company's or
 * school's data and ids that do not exist, and holds each answer to who may use the page
 * (support/page-access.ts):
 * - not logged in: public pages answer, every other page sends to the login (303);
 * - a role the page is not for: 403, whatever the ids;
 * - another organisation's data: exactly the page a missing id gets (404), naming nothing of it;
 * - a refused form changes nothing in the database, and no page ever answers 500.
 * Events belong to no organisation: their foreign value is a draft, which does not exist for
 * members and visitors. Staff reach every organisation, so they get missing ids only.
 */
type Who = 'anonymous' | 'pupil' | Role;
/** A public form sent empty: any answer but a server error (it is tested with content elsewhere). */
const NOT_5XX = 0;
/** What the other organisation is called; none of it may appear in any page a member or visitor gets. */
const FOREIGN = { company: 'Fremdfirma Holzwurm', school: 'Fremdschule am Berg', schoolClass: 'Fremdklasse', pupil: 'Fremdkind', draft: 'Entwurf im Verborgenen' };

describe('page tenancy: every page answers each role as it may, and foreign data is missing data', () => {
  let t: TestApp;
  let routes: PageRoute[];
  let mine: World;
  let theirs: World;
  const drafts = {} as Record<PageProgram, string>;
  const visitors = {} as Record<Who, PageVisitor>;

  beforeAll(async () => {
    t = await startTestApp();
    mine = await furnishWorld(t);
    // the own pupil holds a place in phase 1, so that the class's agreements exist
    await mine.company.client.post(`/api/v1/praxistage/applications/${mine.ids.applicationId}/offer`).expect(explain(200));
    await mine.school.client.post(`/api/v1/praxistage/years/${mine.events['praxistage-year']}/participants/${mine.ids.pupilId}/applications/${mine.ids.applicationId}/accept`).expect(explain(200));
    // the second world adds the same school holiday, which may exist once
    await t.dataSource.query(`DELETE FROM school_holidays`);
    theirs = await furnishWorld(t, { company: { name: FOREIGN.company }, school: { name: FOREIGN.school } });
    await t.dataSource.query(`UPDATE pupils SET first_name = $1 WHERE school_id = $2`, [FOREIGN.pupil, theirs.school.id]);
    await t.dataSource.query(`UPDATE school_classes SET name = $1 WHERE school_id = $2`, [FOREIGN.schoolClass, theirs.school.id]);
    for (const program of PAGE_PROGRAMS) {
      const host = program === 'schule-trifft-wirtschaft' ? { hostSchoolId: theirs.school.id } : {};
      drafts[program] = (await newEvent(mine.organiser, program, { title: FOREIGN.draft, ...host }, { publish: false })).id;
    }
    drafts['praxistage-year'] = (await mine.organiser.post('/api/v1/praxistage/years', { title: FOREIGN.draft, firstPhaseYear: 2027 }).expect(explain(201))).body.eventId;
    // the pupil of the own world, logged in with a code from the school's letter
    const [letter] = (await mine.school.client.post(`/api/v1/praxistage/years/${mine.events['praxistage-year']}/codes`, { pupilIds: [mine.ids.pupilId] }).expect(explain(200))).body;
    visitors.pupil = await PageVisitor.anonymous(t);
    expect((await visitors.pupil.post('/tip', { code: letter.code })).status).toBe(303);
    const [organiser, partner] = [await newStaff(t, Role.Organiser), await newStaff(t, Role.Partner)];
    visitors.anonymous = await PageVisitor.anonymous(t);
    visitors[Role.Organiser] = await PageVisitor.loggedIn(t, organiser.email);
    visitors[Role.Partner] = await PageVisitor.loggedIn(t, partner.email);
    visitors[Role.CompanyMember] = await PageVisitor.loggedIn(t, mine.company.email);
    visitors[Role.SchoolMember] = await PageVisitor.loggedIn(t, mine.school.email);
    // entrance staff of the own world's fair: every page but its entrance must refuse them
    visitors[Role.Door] = await PageVisitor.loggedIn(t, mine.door.email, mine.door.password);
    routes = pageRoutes(t);
  }, 120_000);
  afterAll(() => t?.close());

  const keyOf = (route: PageRoute) => `${route.method.toUpperCase()} ${route.path}`;
  const isStaff = (who: Who) => who === Role.Organiser || who === Role.Partner;

  /** The value of each path parameter for one side: the own world, the other one, or nothing that exists. */
  function pathIds(route: PageRoute, words: Ids, program: PageProgram, side: 'own' | 'foreign' | 'missing', who: Who): Ids {
    const foreignExists = !isStaff(who);
    return Object.fromEntries(
      route.params.map((param) => {
        if (param in words) return [param, words[param]];
        if (side === 'missing' || (side === 'foreign' && !foreignExists)) return [param, randomUUID()];
        if (param === 'eventId') return [param, side === 'own' ? mine.events[program] : drafts[program]];
        return [param, ID_OF[param](side === 'own' ? mine.ids : theirs.ids, words)];
      }),
    );
  }

  const visit = (who: Who, route: PageRoute, ids: Ids, program: PageProgram) => {
    const path = fill(route.path, ids);
    if (route.method === 'get') return visitors[who].get(path);
    // without a login the page is refused before its form is read
    const form = who === 'anonymous' ? {} : sampleForm(keyOf(route), { ...mine.ids, eventId: mine.events[program as keyof World['events']] });
    return visitors[who].post(path, form);
  };

  /** The answer with the ids of the request put back as names: a foreign and a missing id must read the same. */
  // (the longest values first: a path word such as a phase "1" would otherwise be replaced inside the ids)
  const normalised = (res: Response, ids: Ids) =>
    Object.entries(ids)
      .sort(([, a], [, b]) => b.length - a.length)
      .reduce((text, [name, value]) => text.split(value).join(`{${name}}`), `${res.status} ${res.headers.location ?? ''}\n${res.text ?? ''}`);

  /** What the page must answer `who` when the ids are the own ones (or do not matter). */
  function expected(who: Who, route: PageRoute): number {
    const may = WHO_MAY[keyOf(route)];
    // a pupil who is logged in already goes on from the code login to the places
    if (who === 'pupil' && keyOf(route) === 'GET /tip') return 303;
    if (may === 'public') return route.method === 'get' ? 200 : NOT_5XX;
    // pupils have no account: member pages send them to the login, pupil pages everyone else to the code login
    if (may === 'pupil') return who === 'pupil' ? 200 : 303;
    if (who === 'anonymous' || who === 'pupil') return 303;
    return may.includes(who) ? 200 : 403;
  }

  /** Where a visitor sent away goes: a pupil's code login to the places, pupil pages to the code login, others to the login. */
  const loginOf = (route: PageRoute, who: Who) =>
    who === 'pupil' && keyOf(route) === 'GET /tip' ? '/tip/plaetze' : WHO_MAY[keyOf(route)] === 'pupil' ? '/tip?weiter=' : '/anmelden?weiter=';

  /**
   * Walks the routes of one method as `who`: every mix of own and foreign ids (all own only
   * where it changes nothing), each foreign mix compared with the same mix of missing ids.
   */
  async function walk(who: Who, method: PageRoute['method']): Promise<string[]> {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.method === method)) {
      const may = expected(who, route);
      for (const { words, program } of variants(route)) {
        const own = pathIds(route, words, program, 'own', who);
        const foreign = pathIds(route, words, program, 'foreign', who);
        const missing = pathIds(route, words, program, 'missing', who);
        const idParams = route.params.filter((p) => !(p in words));
        for (const sides of cross(idParams.map((p) => [[p, 'own'], [p, 'foreign']] as const))) {
          const allOwn = sides.every(([, side]) => side === 'own');
          // a form the role may send with its own ids would really change something
          if (allOwn && method === 'post' && (may === 200 || may === NOT_5XX)) continue;
          const pick = (other: Ids) => ({ ...own, ...Object.fromEntries(sides.filter(([, s]) => s === 'foreign').map(([p]) => [p, other[p]])) });
          const ids = pick(foreign);
          const res = await visit(who, route, ids, program);
          const label = `${who} ${method.toUpperCase()} ${fill(route.path, ids)} (${route.path})`;
          const status = allOwn ? may : may === 200 ? 404 : may;
          if (status === NOT_5XX ? res.status >= 500 : res.status !== status) problems.push(`${label} → ${res.status}, expected ${status || 'no 5xx'}`);
          if (res.status === 303 && may === 303 && !String(res.headers.location).startsWith(loginOf(route, who))) {
            problems.push(`${label} → 303 to ${res.headers.location}, expected the login`);
          }
          // members and visitors never see the other organisation, not even in lists of their own pages
          // (a PDF has no text here: what documents say is read back in documents.e2e-spec)
          if (!isStaff(who)) for (const trace of Object.values(FOREIGN)) if ((res.text ?? '').includes(trace)) problems.push(`${label} shows ${trace}`);
          if (allOwn) continue;
          const control = await visit(who, route, pick(missing), program);
          if (normalised(res, ids) !== normalised(control, pick(missing))) problems.push(`${label} answers other than a missing id (${res.status} / ${control.status})`);
        }
      }
    }
    return problems;
  }

  it('knows every page route, its parameters and who may use it', () => {
    const known = ['eventId', ...Object.keys(ID_OF)];
    const unknown = routes.flatMap((r) => r.params.filter((p) => !known.includes(p) && !(p in (PATH_WORDS[r.path] ?? {}))).map((p) => `${keyOf(r)}: ${p}`));
    expect(unknown).toEqual([]); // a new path parameter needs an own and a foreign value here
    expect(routes.map(keyOf).filter((key) => !(key in WHO_MAY))).toEqual([]); // a new page needs its entry in page-access.ts
    expect(Object.keys(WHO_MAY).filter((key) => !routes.map(keyOf).includes(key))).toEqual([]); // pages that are gone
    expect(routes.length).toBeGreaterThanOrEqual(50);
  });

  it.each<Who>(['anonymous', 'pupil', Role.Organiser, Role.Partner, Role.CompanyMember, Role.SchoolMember, Role.Door])('%s: every page answers as it may', async (who) => {
    expect(await walk(who, 'get')).toEqual([]);
  }, 60_000);

  it.each<Who>(['anonymous', 'pupil', Role.Organiser, Role.Partner, Role.CompanyMember, Role.SchoolMember, Role.Door])('%s: every refused form changes nothing', async (who) => {
    const before = await tableSnapshot(t.dataSource);
    const problems = await walk(who, 'post');
    expect({ problems, changedTables: changedTables(before, await tableSnapshot(t.dataSource)) }).toEqual({ problems: [], changedTables: [] });
  }, 60_000);
});
