import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { AccountsService } from '../../src/auth/accounts.service';
import { Role } from '../../src/common/identity/role';
import { TestApp } from './test-app';

export const PASSWORD = 'richtig-geheim-123';
const unique = () => randomBytes(4).toString('hex');

/** Like `.expect(status)`, but a mismatch shows the problem details the API answered. */
export const explain = (status: number) => (res: request.Response) => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
};

/** Calls the API as one person, with a bearer token, a login's session, or anonymously. */
export class ApiClient {
  constructor(
    private readonly t: TestApp,
    readonly token?: string,
    private readonly session?: ReturnType<typeof request.agent>,
  ) {}

  private auth(req: request.Test) {
    return this.token ? req.set('Authorization', `Bearer ${this.token}`) : req;
  }
  private get caller() {
    return this.session ?? request(this.t.http);
  }
  get = (path: string) => this.auth(this.caller.get(path));
  delete = (path: string) => this.auth(this.caller.delete(path));
  post = (path: string, body?: object) => this.withBody(this.caller.post(path), body);
  patch = (path: string, body?: object) => this.withBody(this.caller.patch(path), body);
  put = (path: string, body?: object) => this.withBody(this.caller.put(path), body);

  private withBody(req: request.Test, body?: object) {
    return body === undefined ? this.auth(req) : this.auth(req).send(body);
  }
}

export interface Member {
  client: ApiClient;
  userId: string;
  email: string;
}

/** Logs in by password and calls with the session's cookie (entrance staff may make no API tokens). */
export async function loginWithSession(t: TestApp, email: string, password = PASSWORD): Promise<ApiClient> {
  const session = request.agent(t.http);
  await session.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return new ApiClient(t, undefined, session);
}

/** Logs in by password and trades the session for an API token. */
export async function loginAsClient(t: TestApp, email: string, password = PASSWORD): Promise<ApiClient> {
  const agent = request.agent(t.http);
  await agent.post('/api/v1/auth/login').send({ email, password }).expect(200);
  const token = await agent.post('/api/v1/auth/tokens').send({ name: 'test' }).expect(201);
  return new ApiClient(t, token.body.token);
}

export async function newStaff(t: TestApp, role: Role.Organiser | Role.Partner = Role.Organiser): Promise<Member> {
  const email = `${role}-${unique()}@regionalmanagement.example`;
  const user = await t.app.get(AccountsService).create({ email, name: `Staff ${role}`, password: PASSWORD, role });
  return { client: await loginAsClient(t, email), userId: user.id, email };
}

export const companyProfile = (overrides: Record<string, unknown> = {}) => ({
  name: `Tischlerei ${unique()}`,
  street: 'Töpferstraße 12',
  postalCode: '99734',
  town: 'Nordhausen',
  district: 'nordhausen',
  branch: 'Tischlerhandwerk',
  apprenticeships: ['Tischler/in'],
  contactPerson: 'Petra Holz',
  phone: '03631 4711',
  email: `kontakt-${unique()}@tischlerei.example`,
  ...overrides,
});

export const schoolProfile = (overrides: Record<string, unknown> = {}) => ({
  name: `Regelschule ${unique()}`,
  schoolType: 'regelschule',
  street: 'Lessingstraße 5',
  postalCode: '99734',
  town: 'Nordhausen',
  district: 'nordhausen',
  coordinator: 'Frau Lehmann',
  phone: '03631 9876',
  email: `sekretariat-${unique()}@schule.example`,
  ...overrides,
});

export const memberFor = (overrides: Record<string, unknown> = {}) => ({
  name: 'Anna Beispiel',
  email: `person-${unique()}@example.org`,
  password: PASSWORD,
  ...overrides,
});

async function register(t: TestApp, kind: 'company' | 'school', profile: object, approvedBy?: ApiClient) {
  const member = memberFor();
  const res = await request(t.http)
    .post(`/api/v1/registrations/${kind}`)
    .send({ [kind]: profile, member })
    .expect(201);
  const organisationId = res.body[kind].id as string;
  if (approvedBy) {
    await approvedBy.post(`/api/v1/${kind === 'company' ? 'companies' : 'schools'}/${organisationId}/approve`).expect(200);
  }
  const client = await loginAsClient(t, member.email);
  return { id: organisationId, client, userId: res.body.user.id as string, email: member.email };
}

/** A registered company with one member; approved when an organiser is given. */
export const newCompany = (t: TestApp, options: { approvedBy?: ApiClient; profile?: Record<string, unknown> } = {}) =>
  register(t, 'company', companyProfile(options.profile), options.approvedBy);

export const newSchool = (t: TestApp, options: { approvedBy?: ApiClient; profile?: Record<string, unknown> } = {}) =>
  register(t, 'school', schoolProfile(options.profile), options.approvedBy);

/** A further member of a company or school (as an accepted invitation makes one), logged in. */
export async function newColleague(t: TestApp, kind: 'company' | 'school', organisationId: string, name = 'Kai Kollege'): Promise<Member> {
  const email = `kollege-${unique()}@example.org`;
  const role = kind === 'company' ? Role.CompanyMember : Role.SchoolMember;
  const user = await t.app.get(AccountsService).create({ email, name, password: PASSWORD, role, [kind === 'company' ? 'companyId' : 'schoolId']: organisationId });
  return { client: await loginAsClient(t, email), userId: user.id, email };
}

export async function newClass(client: ApiClient, schoolId: string, overrides: Record<string, unknown> = {}) {
  const res = await client
    .post(`/api/v1/schools/${schoolId}/classes`, { name: `8-${unique()}`, grade: 8, pupilCount: 24, classTeacher: 'Herr Kurz', ...overrides })
    .expect(201);
  return res.body as { id: string; name: string };
}

/** `count` classes of a school at once, written straight to the database (setup for rushes). */
export async function newClasses(t: TestApp, schoolId: string, count: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await t.dataSource.query(
    `INSERT INTO school_classes (school_id, name, grade, pupil_count, class_teacher)
     SELECT $1, 'K' || g, 8, 25, 'Frau Test' FROM generate_series(1, $2) g RETURNING id`,
    [schoolId, count],
  );
  return rows.map((r) => r.id);
}

export async function newPupil(client: ApiClient, schoolId: string, classId: string, overrides: Record<string, unknown> = {}) {
  const res = await client
    .post(`/api/v1/schools/${schoolId}/pupils`, { firstName: 'Lena', lastName: 'Vogt', classId, consentRecordedOn: '2026-09-01', ...overrides })
    .expect(201);
  return res.body as { id: string };
}

const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

/** A published event whose registration is open now (override anything). */
export async function newEvent(
  organiser: ApiClient,
  program: 'handwerkertag' | 'schule-trifft-wirtschaft' | 'praxistage',
  overrides: Record<string, unknown> = {},
  options: { publish?: boolean } = {},
) {
  const defaults: Record<string, Record<string, unknown>> = {
    handwerkertag: { title: 'Deine Region dein Handwerk', venue: 'HABI-Gelände Nordhausen', startsOn: '2027-05-08', endsOn: '2027-05-08', standCount: 40 },
    'schule-trifft-wirtschaft': { title: 'Schule trifft Wirtschaft', venue: 'Lessingschule Nordhausen', startsOn: '2027-03-10', endsOn: '2027-03-10' },
    praxistage: { title: 'Praxistage 2. Halbjahr', venue: 'Nordthüringen', startsOn: '2027-02-08', endsOn: '2027-06-30' },
  };
  const created = await organiser
    .post('/api/v1/events', {
      program,
      registrationOpensAt: inDays(-1),
      registrationClosesAt: inDays(30),
      cancellationDeadline: inDays(20),
      ...defaults[program],
      ...overrides,
    })
    .expect(explain(201));
  if (options.publish !== false) await organiser.post(`/api/v1/events/${created.body.id}/status`, { status: 'published' }).expect(200);
  return created.body as { id: string; program: string; status: string };
}

export async function newTimeSlot(organiser: ApiClient, eventId: string, capacity: number, startsAt = '2027-05-08T08:30') {
  const end = `${startsAt.slice(0, 11)}${String(Number(startsAt.slice(11, 13)) + 1).padStart(2, '0')}${startsAt.slice(13)}`;
  const res = await organiser.post(`/api/v1/events/${eventId}/time-slots`, { startsAt, endsAt: end, capacity }).expect(201);
  return res.body as { id: string; capacity: number };
}

export const standApplication = (overrides: Record<string, unknown> = {}) => ({
  standSize: '3 x 3 m',
  location: 'indoor',
  powerNeeded: true,
  handsOnActivity: 'Holzhocker zusammenbauen',
  apprenticeships: ['Tischler/in'],
  internships: ['Schülerpraktikum'],
  staffCount: 3,
  ...overrides,
});

export { inDays };
