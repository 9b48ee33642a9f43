import { WITHOUT_KEY } from '../bookings/idempotency/idempotency';
import type { INestApplication } from '@nestjs/common';
import { AccountsService } from '../auth/accounts.service';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { HandwerkertagService } from '../programs/handwerkertag/handwerkertag.service';
import { PlacementsService } from '../programs/praxistage/placements.service';
import { SchoolDayBookingsService } from '../programs/schule-trifft-wirtschaft/school-day-bookings.service';
import { parseInstant } from '../common/time/berlin';
import { EventsService } from '../events/events.service';
import { PracticumOffersService } from '../programs/praxistage/practicum-offers.service';
import { SchoolDayService } from '../programs/schule-trifft-wirtschaft/school-day.service';
import { TimeSlotsService } from '../programs/handwerkertag/time-slots.service';
import { OrganisationDecisionsService } from '../organisations/organisation-decisions.service';
import { RegistrationService } from '../organisations/registration.service';
import { PupilsService } from '../schools/pupils.service';
import { SchoolClassesService } from '../schools/school-classes.service';

export const DEMO_PASSWORD = 'praxisnah-demo';


const actorOf = (user: { id: string; role: Role; companyId: string | null; schoolId: string | null }): Actor => ({
  userId: user.id, role: user.role, companyId: user.companyId, schoolId: user.schoolId, locale: 'de', credential: { kind: 'cookie', id: 'demo' },
});
const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
const nextWeekday = (weekday: number, from: number) => {
  const date = new Date(Date.now() + from * 86400_000);
  while (date.getUTCDay() !== weekday % 7) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/**
 * A living demo: the three programs with events, companies, schools, classes, pupils and
 * bookings, made through the same services as everything else. Returns the logins.
 */
export async function createDemo(app: INestApplication) {
  const accounts = app.get(AccountsService);
  const registration = app.get(RegistrationService);
  const decisions = app.get(OrganisationDecisionsService);
  const organiserUser = await accounts.create({ email: 'organisation@demo.praxisnah', name: 'Regionalmanagement (Demo)', password: DEMO_PASSWORD, role: Role.Organiser });
  const organiser = actorOf(organiserUser);
  await accounts.create({ email: 'partner@demo.praxisnah', name: 'Agentur für Arbeit (Demo)', password: DEMO_PASSWORD, role: Role.Partner });

  const company = async (name: string, branch: string, town: string, postalCode: string, district: string, email: string) => {
    const result = await registration.registerCompany(
      { name, street: 'Hauptstraße 1', postalCode, town, district: district as never, branch, apprenticeships: [branch], contactPerson: 'Demo Kontakt', phone: '03631 123456', email: `info@${email}` },
      { name: `${name} (Demo)`, email: `betrieb@${email}`, password: DEMO_PASSWORD },
      null,
    );
    await decisions.approve(organiser, 'company', result.company.id);
    return actorOf(result.user);
  };
  const school = async (name: string, town: string, postalCode: string, district: string, email: string) => {
    const result = await registration.registerSchool(
      { name, schoolType: 'regelschule', street: 'Schulstraße 5', postalCode, town, district: district as never, coordinator: 'Frau Demo', phone: '03631 654321', email: `sekretariat@${email}` },
      { name: `Lehrkraft ${name}`, email: `schule@${email}`, password: DEMO_PASSWORD },
      null,
    );
    await decisions.approve(organiser, 'school', result.school.id);
    return actorOf(result.user);
  };
  const baecker = await company('Bäckerei Goldkorn', 'Bäckerhandwerk', 'Nordhausen', '99734', 'nordhausen', 'goldkorn.demo');
  const elektro = await company('Elektro Kyffhäuser', 'Elektrohandwerk', 'Sondershausen', '99706', 'kyffhaeuserkreis', 'elektro.demo');
  await company('Tischlerei Eichsfeld', 'Tischlerhandwerk', 'Leinefelde-Worbis', '37327', 'eichsfeld', 'tischlerei.demo');
  const lessing = await school('Lessingschule Nordhausen', 'Nordhausen', '99734', 'nordhausen', 'lessing.demo');
  await school('Franzbergschule Sondershausen', 'Sondershausen', '99706', 'kyffhaeuserkreis', 'franzberg.demo');
  await school('Johann-Carl-Fuhlrott-Schule Leinefelde', 'Leinefelde-Worbis', '37327', 'eichsfeld', 'fuhlrott.demo');

  const classes = app.get(SchoolClassesService);
  const eightA = await classes.create(lessing, lessing.schoolId!, { name: '8a', grade: 8, pupilCount: 24, classTeacher: 'Herr Kurz' });
  const eightB = await classes.create(lessing, lessing.schoolId!, { name: '8b', grade: 8, pupilCount: 22, classTeacher: 'Frau Lang' });
  const pupils = app.get(PupilsService);
  const mia = await pupils.create(lessing, lessing.schoolId!, { firstName: 'Mia', lastName: 'Beispiel', classId: eightA.id, consentRecordedOn: day(-10) });
  await pupils.create(lessing, lessing.schoolId!, { firstName: 'Ben', lastName: 'Muster', classId: eightB.id, consentRecordedOn: day(-10) });

  const events = app.get(EventsService);
  const window = { registrationOpensAt: new Date(Date.now() - 86400_000), registrationClosesAt: new Date(Date.now() + 50 * 86400_000), cancellationDeadline: new Date(Date.now() + 40 * 86400_000) };
  const fair = await events.create(organiser, { program: 'handwerkertag', title: 'Deine Region dein Handwerk', venue: 'HABI-Gelände Nordhausen', startsOn: day(60), endsOn: day(60), standCount: 30, ...window, description: 'Handwerksbetriebe zeigen ihre Berufe zum Ausprobieren.' });
  await events.changeStatus(organiser, fair.id, { status: 'published' });
  const slots = app.get(TimeSlotsService);
  const early = await slots.create(organiser, fair.id, { startsAt: new Date(`${day(60)}T06:30:00Z`), endsAt: new Date(`${day(60)}T08:00:00Z`), capacity: 120 });
  await slots.create(organiser, fair.id, { startsAt: new Date(`${day(60)}T08:30:00Z`), endsAt: new Date(`${day(60)}T10:00:00Z`), capacity: 120 });
  const handwerkertag = app.get(HandwerkertagService);
  await handwerkertag.bookClassVisit(lessing, fair.id, { timeSlotId: early.id, schoolClassId: eightA.id, pupils: 24, teachers: 2 }, WITHOUT_KEY);
  await handwerkertag.applyForStand(baecker, fair.id, { standSize: '3 x 3 m', location: 'indoor', powerNeeded: true, handsOnActivity: 'Brezeln flechten', apprenticeships: ['Bäcker/in'], internships: [], staffCount: 3 }, WITHOUT_KEY);
  await handwerkertag.applyForStand(elektro, fair.id, { standSize: '3 x 6 m', location: 'indoor', powerNeeded: true, handsOnActivity: 'Eine Lampe anschließen', apprenticeships: ['Elektroniker/in'], internships: ['Schülerpraktikum'], staffCount: 2 }, WITHOUT_KEY);

  const term = await events.create(organiser, { program: 'praxistage', title: 'Praxistage', venue: 'Nordthüringen', startsOn: nextWeekday(1, 7), endsOn: day(140), ...window });
  await events.changeStatus(organiser, term.id, { status: 'published' });
  const offer = await app.get(PracticumOffersService).create(elektro, term.id, {
    occupationalField: 'Elektro', apprenticeship: 'Elektroniker/in', weekdays: [3, 5], placesPerWeekday: 2, dailyStart: '07:30', dailyEnd: '14:00',
    street: 'Am Schacht 2', postalCode: '99706', town: 'Sondershausen', mentor: 'Meister Strom', contactPerson: 'Frau Spannung', contactPhone: '03632 777', contactEmail: 'praxistage@elektro.demo',
  });
  await app.get(PlacementsService).book(lessing, term.id, { offerId: offer.id, weekday: 3, pupilId: mia.id }, WITHOUT_KEY);

  const stw = await events.create(organiser, { program: 'schule-trifft-wirtschaft', title: 'Schule trifft Wirtschaft', venue: 'Lessingschule Nordhausen', startsOn: day(30), endsOn: day(30), hostSchoolId: lessing.schoolId!, requestedOccupationalFields: ['Elektro', 'Handwerk'], ...window });
  await events.changeStatus(organiser, stw.id, { status: 'published' });
  const layout = app.get(SchoolDayService);
  const first = await layout.addPeriod(lessing, stw.id, { number: 1, startsAt: parseInstant(`${day(30)}T08:00`), endsAt: parseInstant(`${day(30)}T08:45`) });
  await layout.addPeriod(lessing, stw.id, { number: 2, startsAt: parseInstant(`${day(30)}T08:55`), endsAt: parseInstant(`${day(30)}T09:40`) });
  const dayClass = await layout.addClass(lessing, stw.id, { schoolClassId: eightA.id });
  await layout.addClass(lessing, stw.id, { schoolClassId: eightB.id });
  const hall = await layout.addRoom(lessing, stw.id, { name: 'Aula' });
  const schoolDay = app.get(SchoolDayBookingsService);
  await schoolDay.register(baecker, stw.id, WITHOUT_KEY);
  await schoolDay.register(elektro, stw.id, WITHOUT_KEY);
  await schoolDay.bookSession(baecker, stw.id, { eventClassId: dayClass.id, periodId: first.id, roomId: hall.id }, WITHOUT_KEY);

  return [
    ['Regionalmanagement', 'organisation@demo.praxisnah'],
    ['Partner (nur lesen)', 'partner@demo.praxisnah'],
    ['Betrieb', 'betrieb@goldkorn.demo'],
    ['Betrieb', 'betrieb@elektro.demo'],
    ['Schule', 'schule@lessing.demo'],
  ];
}
