import { Role } from '../../src/common/identity/role';
import { ApiClient, explain, newClass, newColleague, newCompany, newEvent, newPupil, newSchool, newStaff, newTimeSlot, standApplication } from './factories';
import { offerBody } from './sample-bodies';
import { TestApp } from './test-app';
import { CheckInCodes } from '../../src/programs/handwerkertag/check-in/check-in-codes';
import { approvedSteckbrief, newYear } from './praxistage-year';

export type Ids = Record<string, string>;

/**
 * One of everything, booked: an approved company and school with a class and a pupil, a
 * published event of each program with its time slot, day plan and offer, a booking of
 * each kind, and a second member of the company and of the school. `ids` names every path
 * parameter of the API by its document name.
 */
export interface World {
  organiser: ApiClient;
  partner: ApiClient;
  company: { client: ApiClient; id: string; email: string };
  school: { client: ApiClient; id: string; email: string };
  /** Entrance staff of the world's fair (the door role). */
  door: { email: string; password: string };
  events: Record<'handwerkertag' | 'schule-trifft-wirtschaft' | 'praxistage' | 'praxistage-year', string>;
  ids: Ids;
}

export async function furnishWorld(t: TestApp, profiles: { company?: Record<string, unknown>; school?: Record<string, unknown> } = {}): Promise<World> {
  const organiser = (await newStaff(t, Role.Organiser)).client;
  const partner = (await newStaff(t, Role.Partner)).client;
  const company = await newCompany(t, { approvedBy: organiser, profile: profiles.company });
  const school = await newSchool(t, { approvedBy: organiser, profile: profiles.school });
  const schoolClass = await newClass(school.client, school.id);
  const pupil = await newPupil(school.client, school.id, schoolClass.id);
  const invitation = await school.client.post('/api/v1/invitations', { email: `kollegium-${school.id.slice(0, 8)}@schule.example` }).expect(201);
  const token = await school.client.post('/api/v1/auth/tokens', { name: 'Schulverwaltung' }).expect(201);

  const fair = await newEvent(organiser, 'handwerkertag');
  const slot = await newTimeSlot(organiser, fair.id, 100);
  const day = await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: school.id });
  const period = await organiser.post(`/api/v1/events/${day.id}/periods`, { number: 1, startsAt: '2027-03-10T08:00', endsAt: '2027-03-10T08:45' }).expect(explain(201));
  const eventClass = await organiser.post(`/api/v1/events/${day.id}/classes`, { schoolClassId: schoolClass.id }).expect(explain(201));
  const room = await organiser.post(`/api/v1/events/${day.id}/rooms`, { name: 'Raum 1' }).expect(explain(201));
  const term = await newEvent(organiser, 'praxistage');
  const holiday = await organiser.post('/api/v1/school-holidays', { schoolYear: '2026/27', name: 'Osterferien', firstDay: '2027-04-01', lastDay: '2027-04-01' }).expect(explain(201));

  const offer = await company.client.post(`/api/v1/events/${term.id}/offers`, offerBody()).expect(explain(201));
  const placement = await school.client.post(`/api/v1/events/${term.id}/placements`, { offerId: offer.body.id, weekday: 1, pupilId: pupil.id }).expect(explain(201));
  await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(explain(201));
  const classVisit = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 10, teachers: 1 }).expect(explain(201));
  const checkIn = await t.app.get(CheckInCodes).addressFor(t.dataSource.manager, classVisit.body.id);
  const door = await organiser.post(`/api/v1/events/${fair.id}/door-logins`, { name: 'Eingang', email: `eingang-${fair.id.slice(0, 8)}@handwerkertag.example` }).expect(explain(201));
  await company.client.post(`/api/v1/events/${day.id}/registrations`).expect(explain(201));
  await school.client.post(`/api/v1/events/${day.id}/sessions`, { eventClassId: eventClass.body.id, periodId: period.body.id, companyId: company.id }).expect(explain(201));
  // a Praxistage year with a Steckbrief, the school's pupil taking part, and an application
  const year = await newYear(organiser, [1]);
  const brief = await approvedSteckbrief(company.client, organiser, year.eventId, [{ phase: 1, weekday: 2, places: 5 }]);
  await school.client.put(`/api/v1/praxistage/years/${year.eventId}/participation`, { weekday: 2 }).expect(explain(200));
  await school.client.post(`/api/v1/praxistage/years/${year.eventId}/participants`, { pupilIds: [pupil.id] }).expect(explain(200));
  const application = await school.client.post(`/api/v1/praxistage/years/${year.eventId}/participants/${pupil.id}/applications`, { offerId: brief.id }).expect(explain(201));
  // the organiser's proposal for the phase (for all schools)
  const run = await organiser.post(`/api/v1/praxistage/years/${year.eventId}/phases/1/proposals`, {}).expect(explain(202));
  const feed = await company.client.get('/api/v1/calendar/feed').expect(200);
  // colleagues whom an organiser may deactivate without ending the sessions the walks use
  const companyColleague = await newColleague(t, 'company', company.id);
  const schoolColleague = await newColleague(t, 'school', school.id);
  const [mail] = await t.dataSource.query(`SELECT id FROM outbox_mails ORDER BY created_at LIMIT 1`);

  return {
    organiser,
    partner,
    company,
    school,
    door: { email: door.body.email, password: door.body.password },
    events: { handwerkertag: fair.id, 'schule-trifft-wirtschaft': day.id, praxistage: term.id, 'praxistage-year': year.eventId },
    ids: {
      companyId: company.id, schoolId: school.id, classId: schoolClass.id, pupilId: pupil.id, bookingId: placement.body.id, offerId: offer.body.id,
      slotId: slot.id, periodId: period.body.id, eventClassId: eventClass.body.id, roomId: room.body.id, holidayId: holiday.body.id,
      invitationId: invitation.body.id, tokenId: token.body.id, mailId: mail?.id, feedId: feed.body.id,
      token: new URL(feed.body.url).pathname.split('/')[6], date: '2027-03-08', list: 'stands',
      classVisitId: classVisit.body.id, checkInCode: checkIn.address.split('/einlass/')[1],
      steckbriefId: brief.id, applicationId: application.body.id, phase: '1', runId: run.body.id,
      // the API names a member `userId` under either kind; the company's one stands for both
      userId: companyColleague.userId, companyMemberId: companyColleague.userId, schoolMemberId: schoolColleague.userId,
    },
  };
}

/** The ids for one route: its event is the world's event of the route's program. */
export const idsFor = (world: World, program: string | undefined, ids: Ids = world.ids): Ids => ({
  ...ids,
  eventId: world.events[(program ?? 'handwerkertag') as keyof World['events']],
});
