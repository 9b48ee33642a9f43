import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/common/identity/role';
import {
  ApiClient,
  explain,
  newClass,
  newColleague,
  newCompany,
  newEvent,
  newPupil,
  newSchool,
  newStaff,
  newTimeSlot,
  standApplication,
} from './support/factories';
import { approvedSteckbrief, newYear } from './support/praxistage-year';
import { offerBody, sampleBody } from './support/sample-bodies';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Walks every route of the API document that takes an id, for every role, with ids of
 * another organisation, and fails if anything leaks: a member must get the same answer
 * for a foreign id as for an id that does not exist (404, or 403 where the role may not
 * call the route at all), and nothing of the foreign organisation may change.
 * New routes join the walk by themselves; one with an unknown path parameter or without a
 * sample body fails here until it is given one.
 *
 * Events belong to no organisation: their "foreign" value is a draft, which does not
 * exist for members. Public reads (published events, offers, grids) are open by design
 * and are checked only for drafts.
 */
type Ids = Record<string, string>;
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
interface Route {
  method: Method;
  path: string;
  params: string[];
  isPublic: boolean;
  program?: string;
  pupilOnly: boolean;
}

const PROGRAM_TAGS = ['handwerkertag', 'schule-trifft-wirtschaft', 'praxistage', 'praxistage-year'];
/** Pupils' own routes: pupils have no account, members get 401 there; the pupil walk below covers them. */
const PUPIL_TAG = 'praxistage-pupil';
/** Parameters naming rows that belong to an organisation. */
const ORGANISATION_OWNED = ['companyId', 'schoolId', 'classId', 'pupilId', 'bookingId', 'offerId', 'invitationId', 'tokenId', 'steckbriefId', 'applicationId', 'userId', 'runId'];
const PARTNER_MAY_NOT_READ = [
  '/api/v1/schools/{schoolId}/pupils/export',
  // a school's own tools in a Praxistage year (partners see the year per school instead)
  '/api/v1/praxistage/years/{eventId}/participation',
  '/api/v1/praxistage/years/{eventId}/participants',
  '/api/v1/praxistage/years/{eventId}/classes',
  // proposals name pupils: the organiser's and the coordinators' tool
  '/api/v1/praxistage/years/{eventId}/phases/{phase}/proposals',
  '/api/v1/praxistage/years/{eventId}/phases/{phase}/proposals/{runId}',
  // a company's own availability for a Schule-trifft-Wirtschaft day (partners see all of them under day-plan/wishes)
  '/api/v1/events/{eventId}/day-plan/availability',
  // the entrance's logins: the organiser hands out access to the door, nobody else needs to see them
  '/api/v1/events/{eventId}/door-logins',
];
const KNOWN_PARAMS = [...ORGANISATION_OWNED, 'eventId', 'slotId', 'periodId', 'eventClassId', 'roomId', 'holidayId', 'mailId', 'changeId', 'feedId', 'token', 'list', 'date', 'phase'];

describe('tenancy: no organisation reaches another one’s data', () => {
  let t: TestApp;
  let routes: Route[];
  let organiser: ApiClient;
  let partner: ApiClient;
  const events: Record<string, { own: string; draft: string }> = {};
  const actors: Record<string, { client: ApiClient; own: Ids; foreign: Ids }> = {};
  let pupils: { mine: string; theirs: Ids };

  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    partner = (await newStaff(t, Role.Partner)).client;

    /** Two of everything, so that every id parameter has an own and a foreign value. */
    const furnish = async (publish: boolean) => {
      const company = await newCompany(t, { approvedBy: organiser });
      const school = await newSchool(t, { approvedBy: organiser });
      const schoolClass = await newClass(school.client, school.id);
      const pupil = await newPupil(school.client, school.id, schoolClass.id);
      const companyInvitation = await company.client.post('/api/v1/invitations', { email: `${randomUUID()}@firma.example` }).expect(201);
      const schoolInvitation = await school.client.post('/api/v1/invitations', { email: `${randomUUID()}@schule.example` }).expect(201);
      const companyToken = await company.client.post('/api/v1/auth/tokens', { name: 'walk' }).expect(201);
      const schoolToken = await school.client.post('/api/v1/auth/tokens', { name: 'walk' }).expect(201);
      const companyColleague = await newColleague(t, 'company', company.id);
      const schoolColleague = await newColleague(t, 'school', school.id);

      // Events: published ones for "mine", drafts for "theirs" (a draft does not exist for members).
      const fair = await newEvent(organiser, 'handwerkertag', {}, { publish });
      const slot = await newTimeSlot(organiser, fair.id, 100);
      const day = await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: school.id }, { publish });
      const period = await organiser.post(`/api/v1/events/${day.id}/periods`, { number: 1, startsAt: '2027-03-10T08:00', endsAt: '2027-03-10T08:45' }).expect(explain(201));
      const eventClass = await organiser.post(`/api/v1/events/${day.id}/classes`, { schoolClassId: schoolClass.id }).expect(explain(201));
      const room = await organiser.post(`/api/v1/events/${day.id}/rooms`, { name: 'Raum 1' }).expect(explain(201));
      const term = await newEvent(organiser, 'praxistage', {}, { publish: true });
      await organiser.post('/api/v1/school-holidays', { schoolYear: '2026/27', name: `Ferien ${randomUUID().slice(0, 4)}`, firstDay: '2027-04-01', lastDay: '2027-04-01' });
      const holidays = await organiser.get('/api/v1/school-holidays').expect(200);

      // Bookings of each kind, made while the events are open.
      const offer = await company.client.post(`/api/v1/events/${term.id}/offers`, offerBody()).expect(explain(201));
      const placement = await school.client.post(`/api/v1/events/${term.id}/placements`, { offerId: offer.body.id, weekday: 1, pupilId: pupil.id }).expect(explain(201));
      if (publish) {
        await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(explain(201));
        await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 10, teachers: 1 }).expect(explain(201));
        await company.client.post(`/api/v1/events/${day.id}/registrations`).expect(explain(201));
        await school.client.post(`/api/v1/events/${day.id}/sessions`, { eventClassId: eventClass.body.id, periodId: period.body.id, companyId: company.id }).expect(explain(201));
        await school.client.post(`/api/v1/events/${day.id}/day-plan/proposals`, {}).expect(explain(202));
      }
      // a Praxistage year (published: Steckbriefe and applications need it; the walk uses a draft year instead)
      const year = await newYear(organiser, [1]);
      const brief = await approvedSteckbrief(company.client, organiser, year.eventId, [{ phase: 1, weekday: 2, places: 5 }]);
      await school.client.put(`/api/v1/praxistage/years/${year.eventId}/participation`, { weekday: 2 }).expect(explain(200));
      await school.client.post(`/api/v1/praxistage/years/${year.eventId}/participants`, { pupilIds: [pupil.id] }).expect(explain(200));
      const [code] = (await school.client.post(`/api/v1/praxistage/years/${year.eventId}/codes`, { pupilIds: [pupil.id] }).expect(explain(200))).body;
      const application = await school.client.post(`/api/v1/praxistage/years/${year.eventId}/participants/${pupil.id}/applications`, { offerId: brief.id }).expect(explain(201));
      // a proposal of the school's own, and the organiser's for all schools
      const schoolRun = await school.client.post(`/api/v1/praxistage/years/${year.eventId}/phases/1/proposals`, {}).expect(explain(202));
      const allRun = await organiser.post(`/api/v1/praxistage/years/${year.eventId}/phases/1/proposals`, {}).expect(explain(202));
      // the pupil holds a place in phase 1: the year's agreements exist
      await company.client.post(`/api/v1/praxistage/applications/${application.body.id}/offer`).expect(explain(200));
      await school.client.post(`/api/v1/praxistage/years/${year.eventId}/participants/${pupil.id}/applications/${application.body.id}/accept`).expect(explain(200));
      return {
        year: year.eventId,
        pupilCode: code.code as string,
        company: {
          client: company.client,
          ids: { companyId: company.id, invitationId: companyInvitation.body.id, tokenId: companyToken.body.id, offerId: offer.body.id, steckbriefId: brief.id, applicationId: application.body.id, phase: '1', userId: companyColleague.userId },
        },
        school: {
          client: school.client,
          ids: { schoolId: school.id, classId: schoolClass.id, pupilId: pupil.id, invitationId: schoolInvitation.body.id, tokenId: schoolToken.body.id, applicationId: application.body.id, phase: '1', userId: schoolColleague.userId, runId: schoolRun.body.id },
        },
        shared: {
          companyId: company.id, schoolId: school.id, classId: schoolClass.id, pupilId: pupil.id, bookingId: placement.body.id, offerId: offer.body.id,
          slotId: slot.id, periodId: period.body.id, eventClassId: eventClass.body.id, roomId: room.body.id,
          holidayId: holidays.body[0].id, date: '2027-03-08', list: 'stands', steckbriefId: brief.id, applicationId: application.body.id, phase: '1',
          userId: companyColleague.userId,
          runId: allRun.body.id,
          mailId: (await t.dataSource.query(`SELECT id FROM outbox_mails ORDER BY created_at LIMIT 1`))[0].id as string,
          // history ids are small numbers: written with leading zeros (the API reads them the same),
          // so that an answer telling the id is found in its text and not in any digit
          changeId: String((await t.dataSource.query(`SELECT id FROM booking_changes ORDER BY id LIMIT 1`))[0].id).padStart(18, '0'),
        },
        events: { handwerkertag: fair.id, 'schule-trifft-wirtschaft': day.id, praxistage: term.id, 'praxistage-year': year.eventId },
      };
    };
    const mine = await furnish(true);
    const theirs = await furnish(false);
    for (const program of PROGRAM_TAGS) {
      events[program] = { own: mine.events[program as keyof typeof mine.events], draft: theirs.events[program as keyof typeof theirs.events] };
    }
    // Theirs' term is published (offers need it); the walk uses a draft term instead.
    events.praxistage.draft = (await newEvent(organiser, 'praxistage', {}, { publish: false })).id;
    events['praxistage-year'].draft = (await organiser.post('/api/v1/praxistage/years', { title: 'Entwurf', firstPhaseYear: 2027 }).expect(explain(201))).body.eventId;
    pupils = { mine: mine.pupilCode, theirs: { applicationId: theirs.shared.applicationId, steckbriefId: theirs.shared.steckbriefId } };

    const foreign = { ...theirs.shared, invitationId: theirs.company.ids.invitationId, tokenId: theirs.company.ids.tokenId };
    actors['company member'] = { client: mine.company.client, own: { ...mine.company.ids, bookingId: mine.shared.bookingId, date: mine.shared.date, list: 'stands' }, foreign };
    actors['school member'] = {
      client: mine.school.client,
      own: { ...mine.school.ids, bookingId: mine.shared.bookingId, periodId: mine.shared.periodId, eventClassId: mine.shared.eventClassId, roomId: mine.shared.roomId, date: mine.shared.date, list: 'stands' },
      // approved Steckbriefe of a published year are shown to every school by design: not foreign to a school
      foreign: { ...foreign, invitationId: theirs.school.ids.invitationId, tokenId: theirs.school.ids.tokenId, userId: theirs.school.ids.userId, steckbriefId: '' },
    };
    actors['staff'] = { client: organiser, own: mine.shared, foreign: {} };

    const doc = (await request(t.http).get('/api/docs-json').expect(200)).body;
    routes = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[]; tags?: string[] }>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method as Method,
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        program: op.tags?.find((tag) => PROGRAM_TAGS.includes(tag)),
        pupilOnly: op.tags?.includes(PUPIL_TAG) ?? false,
      })),
    );
  }, 120_000);
  afterAll(() => t.close());

  /** An event of the route's program: the member's open one, or a draft for "foreign". */
  const withEvent = (route: Route, ids: Ids, which: 'own' | 'draft'): Ids =>
    route.params.includes('eventId') ? { ...ids, eventId: events[route.program ?? 'handwerkertag'][which] } : ids;

  const fill = (path: string, ids: Ids) => path.replace(/\{(\w+)\}/g, (_, name) => ids[name]);

  const call = (client: ApiClient, route: Route, ids: Ids) => {
    // Without a login the guard answers before any body is read.
    const body = client.token ? sampleBody(route.method, route.path, ids) : {};
    const url = fill(route.path, ids);
    return route.method === 'get' || route.method === 'delete' ? client[route.method](url) : client[route.method](url, body);
  };

  /** What must stay untouched by every foreign call: all organisation and booking data. */
  const snapshot = () =>
    t.dataSource.query(`
      SELECT (SELECT json_agg(c ORDER BY id) FROM companies c)::text AS companies,
             (SELECT json_agg(s ORDER BY id) FROM schools s)::text AS schools,
             (SELECT json_agg(k ORDER BY id) FROM school_classes k)::text AS classes,
             (SELECT json_agg(p ORDER BY id) FROM pupils p)::text AS pupils,
             (SELECT json_agg(i ORDER BY id) FROM invitations i)::text AS invitations,
             (SELECT json_agg(json_build_object('id', id, 'revoked', revoked_at) ORDER BY id) FROM api_tokens)::text AS tokens,
             (SELECT json_agg(json_build_object('id', id, 'role', role, 'company', company_id, 'school', school_id, 'deactivated', deactivated_at) ORDER BY id) FROM users)::text AS users,
             (SELECT json_agg(e ORDER BY id) FROM events e)::text AS events,
             (SELECT json_agg(b ORDER BY id) FROM bookables b)::text AS bookables,
             (SELECT json_agg(b ORDER BY id) FROM bookings b)::text AS bookings,
             (SELECT count(*) FROM booking_changes) AS changes,
             (SELECT count(*) FROM outbox_mails) AS mails,
             (SELECT count(*) FROM event_messages) AS messages,
             (SELECT json_agg(x ORDER BY booking_id, day) FROM placement_exceptions x)::text AS exceptions,
             (SELECT json_agg(o ORDER BY id) FROM practicum_offers o)::text AS offers,
             (SELECT json_agg(p ORDER BY id) FROM event_periods p)::text AS periods,
             (SELECT json_agg(r ORDER BY id) FROM event_rooms r)::text AS rooms,
             (SELECT json_agg(c ORDER BY id) FROM event_classes c)::text AS event_classes,
             (SELECT json_agg(h ORDER BY id) FROM school_holidays h)::text AS holidays`);

  it('enumerates the routes that take ids, and knows every id parameter', () => {
    const withIds = routes.filter((r) => r.params.length > 0);
    expect(withIds.length).toBeGreaterThanOrEqual(40);
    const unknown = withIds.flatMap((r) => r.params).filter((p) => !KNOWN_PARAMS.includes(p));
    expect(unknown).toEqual([]); // a new id parameter needs own and foreign fixtures above
    const eventRoutesWithoutProgram = withIds.filter((r) => r.params.includes('eventId') && !r.program && !r.path.match(/^\/api\/v1\/(events\/\{eventId\}(\/status|\/copy|\/calendar\.ics|\/lists\/\{list\}|\/messages(\/preview)?)?|statistics\/events\/\{eventId\}(\/bookings-per-day)?)$/));
    expect(eventRoutesWithoutProgram.map((r) => r.path)).toEqual([]); // tag the controller with its program
  });

  it.each(['company member', 'school member'])('%s: a foreign id answers exactly like a missing one, and changes nothing', async (name) => {
    const { client, own, foreign } = actors[name];
    const before = await snapshot();
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.params.length > 0 && !(r.isPublic && r.method === 'get') && !r.pupilOnly)) {
      const ownIds = withEvent(route, own, 'own');
      const foreignIds = withEvent(route, foreign, 'draft');
      // Every mix of own and foreign ids, but not all-own: e.g. own school with a foreign class.
      const options = route.params.map((p) => [...new Set([foreignIds[p], ownIds[p]])].filter(Boolean).map((v) => [p, v] as const));
      const combos = options.reduce<Array<Array<readonly [string, string]>>>((acc, opts) => acc.flatMap((a) => opts.map((o) => [...a, o])), [[]]);
      for (const combo of combos) {
        const ids = Object.fromEntries(combo);
        if (route.params.every((p) => ids[p] === ownIds[p])) continue;
        const missing = Object.fromEntries(combo.map(([p, v]) => [p, v === ownIds[p] ? v : randomUUID()]));
        const answer = await call(client, route, ids);
        const control = await call(client, route, missing);
        const label = `${route.method.toUpperCase()} ${fill(route.path, ids)} (${route.path})`;
        if (![403, 404].includes(answer.status)) leaks.push(`${label} → ${answer.status} ${answer.body.code ?? ''}`);
        if (answer.status !== control.status || answer.body.code !== control.body.code) {
          leaks.push(`${label} → ${answer.status} ${answer.body.code}, but a missing id → ${control.status} ${control.body.code}`);
        }
        for (const value of Object.values(ids).filter((v) => !Object.values(ownIds).includes(v))) {
          const { instance: _requestedPath, ...said } = answer.body;
          if (JSON.stringify(said).includes(value)) leaks.push(`${label} tells about the foreign id ${value}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('drafts do not exist for members and the public, even on open routes', async () => {
    const reads = routes.filter((r) => r.method === 'get' && r.isPublic && r.params.includes('eventId'));
    expect(reads.length).toBeGreaterThanOrEqual(5);
    for (const client of [actors['company member'].client, actors['school member'].client, new ApiClient(t)]) {
      for (const route of reads) {
        const res = await call(client, route, withEvent(route, {}, 'draft'));
        expect({ route: route.path, status: res.status }).toEqual({ route: route.path, status: 404 });
      }
    }
  });

  it.each(['company member', 'school member', 'staff'])('%s reaches its own data (the walk is not passing on 404s alone)', async (name) => {
    const { client, own } = actors[name];
    const reads = routes.filter(
      (r) => r.method === 'get' && !r.pupilOnly && r.params.some((p) => ORGANISATION_OWNED.includes(p)) && r.params.every((p) => p === 'eventId' || own[p]),
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const route of reads) {
      const res = await call(client, route, withEvent(route, own, 'own'));
      expect({ route: route.path, status: res.status }).toEqual({ route: route.path, status: 200 });
    }
  });

  it('a partner reads every organisation but every change is refused as read-only', async () => {
    const ids = actors['staff'].own;
    const before = await snapshot();
    for (const route of routes.filter((r) => r.params.length > 0 && !r.pupilOnly && r.params.every((p) => p === 'eventId' || ids[p]))) {
      const res = await call(partner, route, withEvent(route, ids, 'own'));
      // the pupils' full data export is the school's (and organisers') tool for access requests: minors' data stays minimal
      const expected = route.method === 'get' && !PARTNER_MAY_NOT_READ.includes(route.path) ? 200 : 403;
      const label = `${route.method} ${route.path}`;
      expect({ route: label, status: res.status }).toEqual({ route: label, status: expected });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('anonymous callers get 401 on every route that is not public', async () => {
    const anonymous = new ApiClient(t);
    const ids = { ...actors['staff'].own, invitationId: randomUUID(), tokenId: randomUUID() };
    for (const route of routes.filter((r) => !r.isPublic)) {
      const res = await call(anonymous, route, withEvent(route, ids, 'own'));
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });

  it('pupil: another pupil\'s application and another year\'s Steckbrief answer exactly like missing ones, and change nothing', async () => {
    const login = await request(t.http).post('/api/v1/pupil/login').send({ code: pupils.mine }).expect(200);
    const session = login.body.session as string;
    const before = await snapshot();
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.pupilOnly && r.params.length > 0)) {
      const foreign = fill(route.path, pupils.theirs);
      const missing = fill(route.path, { applicationId: randomUUID(), steckbriefId: randomUUID() });
      const send = (url: string) => {
        const req = request(t.http)[route.method as 'get' | 'post' | 'put' | 'delete'](url).set('X-Pupil-Session', session);
        return route.method === 'get' || route.method === 'delete' ? req : req.send({});
      };
      const [answer, control] = [await send(foreign), await send(missing)];
      if (answer.status !== 404 || control.status !== 404 || answer.body.code !== control.body.code) leaks.push(`${route.method} ${route.path} → ${answer.status}, missing → ${control.status}`);
    }
    expect(leaks).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // and a pupil is nobody on the members' routes
    await request(t.http).get('/api/v1/bookings').set('X-Pupil-Session', session).expect(401);
    await request(t.http).get('/api/v1/bookings').set('Cookie', `praxisnah_pupil=${session}`).expect(401);
  });
});
