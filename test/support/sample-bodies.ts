import { randomUUID } from 'node:crypto';
import { companyProfile, inDays, memberFor, PASSWORD, schoolProfile, standApplication } from './factories';

export const offerBody = (overrides: Record<string, unknown> = {}) => ({
  occupationalField: 'Holz',
  apprenticeship: 'Tischler/in',
  weekdays: [1, 3],
  placesPerWeekday: 2,
  dailyStart: '07:30',
  dailyEnd: '14:00',
  street: 'Werkstraße 1',
  postalCode: '99734',
  town: 'Nordhausen',
  mentor: 'Meister Eder',
  contactPerson: 'Petra Holz',
  contactPhone: '03631 4711',
  contactEmail: 'praktikum@tischlerei.example',
  ...overrides,
});

/**
 * A valid body for each changing route, so that a request reaches the service instead of
 * stopping at validation. Ids in bodies point at whatever the caller is trying; a route
 * without a sample throws, so a new route is not silently skipped.
 */
export function sampleBody(method: string, path: string, ids: Record<string, string>): object | undefined {
  const samples: Record<string, object> = {
    'POST /api/v1/auth/login': { email: 'niemand@example.org', password: PASSWORD },
    'POST /api/v1/auth/password-reset': { email: 'niemand@example.org' },
    'POST /api/v1/auth/password-reset/confirm': { token: 'pxr_unbekannt', password: PASSWORD },
    'PATCH /api/v1/auth/me': { locale: 'de' },
    'POST /api/v1/auth/tokens': { name: 'Warenwirtschaft', expiresInDays: 30 },
    'POST /api/v1/invitations': { email: 'kollegin@example.org' },
    'POST /api/v1/invitations/accept': { token: 'pxi_unbekannt', name: 'Kerstin Kollegin', password: PASSWORD },
    'POST /api/v1/registrations/company': { company: companyProfile(), member: memberFor() },
    'POST /api/v1/registrations/school': { school: schoolProfile(), member: memberFor() },
    'POST /api/v1/events': {
      program: 'handwerkertag', title: 'Handwerkertag', venue: 'Nordhausen', startsOn: '2027-05-08', endsOn: '2027-05-08', standCount: 40,
      registrationOpensAt: inDays(-1), registrationClosesAt: inDays(30), cancellationDeadline: inDays(20),
    },
    'POST /api/v1/school-holidays': { schoolYear: '2026/27', name: 'Winterferien', firstDay: '2027-02-01', lastDay: '2027-02-06' },
    'PATCH /api/v1/companies/{companyId}': { town: 'Geleakt' },
    'POST /api/v1/companies/{companyId}/approve': {},
    'POST /api/v1/companies/{companyId}/reject': { reason: 'Test' },
    'PATCH /api/v1/schools/{schoolId}': { town: 'Geleakt' },
    'POST /api/v1/schools/{schoolId}/approve': {},
    'POST /api/v1/schools/{schoolId}/reject': { reason: 'Test' },
    'POST /api/v1/schools/{schoolId}/classes': { name: '9z', grade: 9, pupilCount: 20, classTeacher: 'Frau Leck' },
    'PATCH /api/v1/schools/{schoolId}/classes/{classId}': { pupilCount: 1 },
    'POST /api/v1/schools/{schoolId}/pupils': { firstName: 'X', lastName: 'Y', classId: ids.classId ?? randomUUID(), consentRecordedOn: '2026-09-01' },
    'PATCH /api/v1/schools/{schoolId}/pupils/{pupilId}': { firstName: 'Geleakt' },
    'PATCH /api/v1/events/{eventId}': { title: 'Geleakt' },
    'POST /api/v1/events/{eventId}/status': { status: 'closed' },
    'POST /api/v1/events/{eventId}/time-slots': { startsAt: '2027-05-08T12:00', endsAt: '2027-05-08T13:00', capacity: 5 },
    'PATCH /api/v1/events/{eventId}/time-slots/{slotId}': { capacity: 1 },
    'POST /api/v1/events/{eventId}/periods': { number: 9, startsAt: '2027-03-10T14:00', endsAt: '2027-03-10T14:45' },
    'POST /api/v1/events/{eventId}/classes': { schoolClassId: ids.classId ?? randomUUID() },
    'POST /api/v1/events/{eventId}/rooms': { name: 'Leck-Raum' },
    'POST /api/v1/events/{eventId}/offers': offerBody(),
    'PATCH /api/v1/offers/{offerId}': { mentor: 'Geleakt', placesPerWeekday: 9 },
    'POST /api/v1/events/{eventId}/stand-applications': standApplication(),
    'POST /api/v1/events/{eventId}/class-visits': { timeSlotId: ids.slotId ?? randomUUID(), schoolClassId: ids.classId ?? randomUUID(), pupils: 1, teachers: 0 },
    'POST /api/v1/events/{eventId}/registrations': {},
    'POST /api/v1/events/{eventId}/sessions': { eventClassId: ids.eventClassId ?? randomUUID(), periodId: ids.periodId ?? randomUUID() },
    'POST /api/v1/events/{eventId}/placements': { offerId: ids.offerId ?? randomUUID(), weekday: 1, pupilId: ids.pupilId ?? randomUUID() },
    'POST /api/v1/bookings/{bookingId}/confirm': {},
    'POST /api/v1/bookings/{bookingId}/reject': { reason: 'Test' },
    'POST /api/v1/bookings/{bookingId}/cancel': { reason: 'Test' },
    'POST /api/v1/bookings/{bookingId}/cancelled-days': { date: '2027-03-08', reason: 'krank' },
    'POST /api/v1/outbox/{mailId}/retry': {},
    'POST /api/v1/outbox/unmailed-changes/{changeId}/retry': {},
  };
  if (method === 'get' || method === 'delete') return undefined;
  const key = `${method.toUpperCase()} ${path}`;
  if (!(key in samples)) throw new Error(`add a sample body for ${key} to test/support/sample-bodies.ts`);
  return samples[key];
}
