import request from 'supertest';
import { ApiClient, explain } from './factories';
import { TestApp } from './test-app';

/** Thuringia's holidays around the year 2027/28 as published by the ministry. */
export const HOLIDAYS_2027 = [
  { schoolYear: '2026/27', name: 'Winterferien', firstDay: '2027-02-01', lastDay: '2027-02-06' },
  { schoolYear: '2026/27', name: 'Osterferien', firstDay: '2027-03-22', lastDay: '2027-04-03' },
  { schoolYear: '2026/27', name: 'Sommerferien', firstDay: '2027-07-10', lastDay: '2027-08-20' },
  { schoolYear: '2027/28', name: 'Herbstferien', firstDay: '2027-10-09', lastDay: '2027-10-23' },
  { schoolYear: '2027/28', name: 'Winterferien', firstDay: '2028-02-07', lastDay: '2028-02-12' },
];

export async function addHolidays(organiser: ApiClient) {
  for (const holiday of HOLIDAYS_2027) {
    const res = await organiser.post('/api/v1/school-holidays', holiday);
    if (![201, 409].includes(res.status)) throw new Error(`holiday not added: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/**
 * A published Praxistage year 2027/28 with phases proposed from the holidays; the phases
 * named in `openNow` take applications from now on (the organiser opens them early).
 */
export async function newYear(organiser: ApiClient, openNow: number[] = [1], overrides: Record<string, unknown> = {}) {
  await addHolidays(organiser);
  const created = await organiser.post('/api/v1/praxistage/years', { title: 'Tag in der Praxis 2027/28', firstPhaseYear: 2027, ...overrides }).expect(explain(201));
  const eventId: string = created.body.eventId;
  await organiser.post(`/api/v1/events/${eventId}/status`, { status: 'published' }).expect(explain(200));
  for (const number of openNow) await openPhase(organiser, eventId, number);
  return created.body as { eventId: string; phases: Array<{ number: number; firstDay: string; lastDay: string }> };
}

export const openPhase = (organiser: ApiClient, eventId: string, number: number) =>
  organiser
    .patch(`/api/v1/praxistage/years/${eventId}/phases/${number}`, { applicationsOpenAt: new Date(Date.now() - 3600_000).toISOString(), applicationsCloseAt: new Date(Date.now() + 30 * 86400_000).toISOString() })
    .expect(explain(200));

export const steckbrief = (overrides: Record<string, unknown> = {}) => ({
  occupationalField: 'Metall, Maschinenbau',
  apprenticeship: 'Industriemechaniker/in',
  tasks: 'Bohren, Fräsen, eine kleine Werkstück-Serie selbst fertigen.',
  expectations: 'Pünktlichkeit, Arbeitsschuhe',
  dailyStart: '07:00',
  dailyEnd: '14:00',
  street: 'Industriestraße 4',
  postalCode: '99734',
  town: 'Nordhausen',
  district: 'nordhausen',
  mentor: 'Meister Brandt',
  contactPerson: 'Frau Keil',
  contactPhone: '03631 123456',
  contactEmail: 'ausbildung@metall.example',
  ...overrides,
});

/** A Steckbrief written, submitted and approved: pupils see it. */
export async function approvedSteckbrief(company: ApiClient, organiser: ApiClient, eventId: string, places: Array<{ phase: number; weekday: number; places: number }>, overrides: Record<string, unknown> = {}) {
  const created = await company.post(`/api/v1/praxistage/years/${eventId}/steckbriefe`, steckbrief({ places, ...overrides })).expect(explain(201));
  await company.post(`/api/v1/praxistage/steckbriefe/${created.body.id}/submit`).expect(explain(200));
  await organiser.post(`/api/v1/praxistage/steckbriefe/${created.body.id}/review`, { decision: 'approve' }).expect(explain(200));
  return created.body as { id: string };
}

/** A school taking part on `weekday` with the pupils of a class, and their codes (the letter). */
export async function participate(school: ApiClient, eventId: string, weekday: number, classId: string) {
  await school.put(`/api/v1/praxistage/years/${eventId}/participation`, { weekday }).expect(explain(200));
  await school.post(`/api/v1/praxistage/years/${eventId}/participants`, { classIds: [classId] }).expect(explain(200));
  const letter = await school.post(`/api/v1/praxistage/years/${eventId}/codes`, { classId }).expect(explain(200));
  return letter.body as Array<{ pupilId: string; firstName: string; lastName: string; className: string; code: string }>;
}

/** A pupil on a phone: logs in with the code and calls with the session header. */
export class PupilClient {
  constructor(
    private readonly t: TestApp,
    readonly session: string,
  ) {}

  static async login(t: TestApp, code: string) {
    const res = await request(t.http).post('/api/v1/pupil/login').send({ code }).expect(explain(200));
    return new PupilClient(t, res.body.session);
  }

  get = (path: string) => request(this.t.http).get(path).set('X-Pupil-Session', this.session);
  post = (path: string, body?: object) => request(this.t.http).post(path).set('X-Pupil-Session', this.session).send(body ?? {});
  put = (path: string, body?: object) => request(this.t.http).put(path).set('X-Pupil-Session', this.session).send(body ?? {});
  delete = (path: string) => request(this.t.http).delete(path).set('X-Pupil-Session', this.session);
}
