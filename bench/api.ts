import { ClassVisit } from './measure';
import { ORGANISER } from './app-process';

/** The app's API as the benchmark's people use it: a session cookie each, from their own address. */
export type Session = { cookie: string };
export type School = Session & { id: string };

export async function login(base: string, email: string, password: string, address = '10.0.0.1'): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ') };
}

export async function call(base: string, session: Session, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: session.cookie, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Registers an organisation with its first member, approves it and logs the member in. */
export async function newOrganisation(base: string, organiser: Session, kind: 'company' | 'school', n: number, address: string, profileFields: Record<string, unknown> = {}) {
  const member = { name: `Person ${n}`, email: `${kind}-person-${n}@bench.example`, password: ORGANISER.password };
  const where = { street: 'Hauptstraße 1', postalCode: '99734', town: 'Nordhausen', district: 'nordhausen', phone: '03631 1000', email: `${kind}-${n}@bench.example` };
  const profile =
    kind === 'school'
      ? { ...where, name: `Regelschule Bench ${n}`, schoolType: 'regelschule', coordinator: 'Frau Plan' }
      : { ...where, name: `Metallbau Bench ${n}`, branch: 'Metallhandwerk', apprenticeships: ['Metallbauer/in'], contactPerson: 'Herr Blech' };
  const res = await fetch(`${base}/api/v1/registrations/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ [kind]: { ...profile, ...profileFields }, member }),
  });
  if (!res.ok) throw new Error(`registration: ${res.status} ${await res.text()}`);
  const id = (await res.json())[kind].id as string;
  await call(base, organiser, `/api/v1/${kind === 'school' ? 'schools' : 'companies'}/${id}/approve`, {});
  return { id, ...(await login(base, member.email, member.password, address)) };
}

/** Schools register and log in one after the other, each from its own address. */
export async function registerSchools(base: string, organiser: Session, count: number): Promise<School[]> {
  const schools: School[] = [];
  for (let n = 0; n < count; n++) {
    schools.push(await newOrganisation(base, organiser, 'school', n, `10.1.${Math.floor(n / 250)}.${(n % 250) + 1}`));
  }
  return schools;
}

const soon = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

/** A published event whose registration is open now. */
export async function newEvent(base: string, organiser: Session, fields: Record<string, unknown>): Promise<string> {
  const event = await call(base, organiser, '/api/v1/events', {
    registrationOpensAt: soon(-1),
    registrationClosesAt: soon(30),
    cancellationDeadline: soon(20),
    ...fields,
  });
  await call(base, organiser, `/api/v1/events/${event.id}/status`, { status: 'published' });
  return event.id as string;
}

/** A published Handwerkertag with `slots` one-hour time slots of `capacity` places each. */
export async function newFair(base: string, organiser: Session, title: string, slots: number, capacity: number) {
  const day = '2027-05-08';
  const eventId = await newEvent(base, organiser, { program: 'handwerkertag', title, venue: 'HABI-Gelände Nordhausen', startsOn: day, endsOn: day, standCount: 10 });
  const at = (m: number) => `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const ids: string[] = [];
  for (let n = 0; n < slots; n++) {
    const minute = 8 * 60 + n;
    ids.push((await call(base, organiser, `/api/v1/events/${eventId}/time-slots`, { startsAt: at(minute), endsAt: at(minute + 60), capacity })).id);
  }
  return { eventId, slots: ids };
}

/** One class visit through the API; its outcome (confirmed / waitlisted), or throws. */
export async function bookClassVisit(base: string, schools: School[], eventId: string, timeSlotId: string, visit: ClassVisit): Promise<string> {
  const school = schools.find((s) => s.id === visit.schoolId)!;
  const res = await fetch(`${base}/api/v1/events/${eventId}/class-visits`, {
    method: 'POST',
    headers: { cookie: school.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ timeSlotId, schoolClassId: visit.classId, pupils: visit.pupils, teachers: visit.teachers }),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`${res.status} ${body.code ?? ''}`);
  return body.status;
}
