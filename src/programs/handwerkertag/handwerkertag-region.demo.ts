import type { INestApplication } from '@nestjs/common';
import { BookingsService } from '../../bookings/bookings.service';
import { WITHOUT_KEY } from '../../bookings/idempotency/idempotency';
import { DemoCast, demoDay } from '../../cli/demo-cast';
import { Actor } from '../../common/identity/actor';
import { EventsService } from '../../events/events.service';
import { SchoolClassesService } from '../../schools/school-classes.service';
import { CheckInsService } from './check-in/check-ins.service';
import { HandwerkertagService } from './handwerkertag.service';
import { TimeSlotsService } from './time-slots.service';

// The region's crafts as they come to the fair: name, trade, town, postal code, district.
const COMPANIES: Array<[string, string, string, string, string]> = [
  ['Dachdeckerei Harzblick', 'Dachdeckerhandwerk', 'Ellrich', '99755', 'nordhausen'],
  ['Malerbetrieb Farbenfroh', 'Maler und Lackierer', 'Nordhausen', '99734', 'nordhausen'],
  ['Kfz-Meisterbetrieb Südharz', 'Kraftfahrzeugtechnik', 'Bleicherode', '99752', 'nordhausen'],
  ['Fleischerei Thüringer Land', 'Fleischerhandwerk', 'Heringen', '99765', 'nordhausen'],
  ['Friseursalon Schnittpunkt', 'Friseurhandwerk', 'Nordhausen', '99734', 'nordhausen'],
  ['Sanitär Wasserweg', 'Anlagenmechanik SHK', 'Sondershausen', '99706', 'kyffhaeuserkreis'],
  ['Zimmerei Kyffhäuser', 'Zimmererhandwerk', 'Bad Frankenhausen', '06567', 'kyffhaeuserkreis'],
  ['Metallbau Wipperaue', 'Metallbau', 'Artern', '06556', 'kyffhaeuserkreis'],
  ['Konditorei Süße Ecke', 'Konditorhandwerk', 'Sondershausen', '99706', 'kyffhaeuserkreis'],
  ['Optik Klarblick', 'Augenoptik', 'Greußen', '99718', 'kyffhaeuserkreis'],
  ['Straßenbau Unstrut', 'Straßenbau', 'Mühlhausen', '99974', 'unstrut-hainich-kreis'],
  ['Elektro Hainich', 'Elektrohandwerk', 'Bad Langensalza', '99947', 'unstrut-hainich-kreis'],
  ['Tischlerei Holzwerk', 'Tischlerhandwerk', 'Mühlhausen', '99974', 'unstrut-hainich-kreis'],
  ['Landtechnik Vogtei', 'Land- und Baumaschinentechnik', 'Schlotheim', '99994', 'unstrut-hainich-kreis'],
  ['Zahntechnik Lächeln', 'Zahntechnik', 'Bad Langensalza', '99947', 'unstrut-hainich-kreis'],
  ['Maurerbetrieb Eichsfelder Stein', 'Maurerhandwerk', 'Heilbad Heiligenstadt', '37308', 'eichsfeld'],
  ['Bäckerei Eichsfelder Korn', 'Bäckerhandwerk', 'Dingelstädt', '37351', 'eichsfeld'],
  ['Kälte-Klima Leine', 'Mechatronik für Kältetechnik', 'Leinefelde-Worbis', '37327', 'eichsfeld'],
  ['Raumausstattung Wohnlich', 'Raumausstattung', 'Heilbad Heiligenstadt', '37308', 'eichsfeld'],
  ['Goldschmiede Obereichsfeld', 'Goldschmiedehandwerk', 'Leinefelde-Worbis', '37327', 'eichsfeld'],
];

// The region's Regelschulen beside the demo's named ones (three at the Praxistage pilot, three
// in the Tag in der Praxis): twenty-eight in all, as the region has. Name, town, postal code, district.
const SCHOOLS: Array<[string, string, string, string]> = [
  ['Regelschule Werther', 'Werther', '99735', 'nordhausen'],
  ['Regelschule Sollstedt', 'Sollstedt', '99759', 'nordhausen'],
  ['Gemeinschaftsschule Heringen', 'Heringen', '99765', 'nordhausen'],
  ['Regelschule Niedersachswerfen', 'Harztor', '99768', 'nordhausen'],
  ['Regelschule Nordhausen-Ost', 'Nordhausen', '99734', 'nordhausen'],
  ['Regelschule Bad Frankenhausen', 'Bad Frankenhausen', '06567', 'kyffhaeuserkreis'],
  ['Regelschule Artern', 'Artern', '06556', 'kyffhaeuserkreis'],
  ['Regelschule Greußen', 'Greußen', '99718', 'kyffhaeuserkreis'],
  ['Regelschule Ebeleben', 'Ebeleben', '99713', 'kyffhaeuserkreis'],
  ['Regelschule Roßleben', 'Roßleben-Wiehe', '06571', 'kyffhaeuserkreis'],
  ['Regelschule Heldrungen', 'An der Schmücke', '06577', 'kyffhaeuserkreis'],
  ['Regelschule Mühlhausen-Ost', 'Mühlhausen', '99974', 'unstrut-hainich-kreis'],
  ['Regelschule Mühlhausen-West', 'Mühlhausen', '99974', 'unstrut-hainich-kreis'],
  ['Salza-Schule Bad Langensalza', 'Bad Langensalza', '99947', 'unstrut-hainich-kreis'],
  ['Regelschule Bad Tennstedt', 'Bad Tennstedt', '99955', 'unstrut-hainich-kreis'],
  ['Regelschule Großengottern', 'Unstrut-Hainich', '99991', 'unstrut-hainich-kreis'],
  ['Regelschule Körner', 'Körner', '99998', 'unstrut-hainich-kreis'],
  ['Regelschule Dingelstädt', 'Dingelstädt', '37351', 'eichsfeld'],
  ['Regelschule Heiligenstadt', 'Heilbad Heiligenstadt', '37308', 'eichsfeld'],
  ['Regelschule Uder', 'Uder', '37318', 'eichsfeld'],
  ['Regelschule Niederorschel', 'Niederorschel', '37355', 'eichsfeld'],
  ['Regelschule Worbis', 'Leinefelde-Worbis', '37339', 'eichsfeld'],
];

const domainOf = (name: string) =>
  `${name.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}.demo`;

/**
 * The region at the fair: twenty more crafts and twenty-two more schools, stand applications
 * confirmed with their numbers, waiting and refused, class visits filling a slot up to its
 * waiting list, a visit cancelled, and last year's fair, completed and counted at its entrance,
 * beside this year's for the statistics. Everything through the services, as the people would do it.
 */
export async function handwerkertagRegionDemo(app: INestApplication, cast: DemoCast, fairId: string) {
  const companies: Actor[] = [];
  for (const [name, trade, town, postalCode, district] of COMPANIES) companies.push(await cast.newCompany(name, trade, town, postalCode, district, domainOf(name)));
  const schools: Actor[] = [];
  for (const [name, town, postalCode, district] of SCHOOLS) schools.push(await cast.newSchool(name, town, postalCode, district, domainOf(name)));
  const classes = app.get(SchoolClassesService);
  const classOf = new Map<Actor, string[]>();
  for (const school of schools) {
    const ids: string[] = [];
    for (const name of ['8a', '8b', '9a']) ids.push((await classes.create(school, school.schoolId!, { name, grade: Number(name[0]), pupilCount: 22, classTeacher: 'Frau Beispiel' })).id);
    classOf.set(school, ids);
  }

  const lastYear = await pastFair(app, cast, companies, schools, classOf);
  await thisYearsFair(app, cast, fairId, companies, schools, classOf);
  return lastYear;
}

async function thisYearsFair(app: INestApplication, cast: DemoCast, fairId: string, companies: Actor[], schools: Actor[], classOf: Map<Actor, string[]>) {
  const fair = app.get(HandwerkertagService);
  const bookings = app.get(BookingsService);
  const slots = await app.get(TimeSlotsService).list(cast.organiser, fairId);
  // stand applications: the first confirmed with their numbers, two refused, the rest waiting for a decision
  for (const [index, company] of companies.entries()) {
    const stand = await fair.applyForStand(company, fairId, standOf(index), WITHOUT_KEY);
    if (index < 12) await bookings.confirm(cast.organiser, stand.body.id, { standNumber: index + 1 });
    else if (index < 14) await bookings.reject(cast.organiser, stand.body.id, 'Kein Platz mehr für diese Standgröße');
  }
  // class visits spread over the slots: the small early one fills up to its waiting list (a
  // cancelled visit moves the first waiting class up), the later ones have room
  let cancelled: { school: Actor; bookingId: string } | undefined;
  for (const [index, school] of schools.entries()) {
    const [first, second] = classOf.get(school)!;
    const visit = await fair.bookClassVisit(school, fairId, { timeSlotId: slots[index % slots.length].id, schoolClassId: first, pupils: 21, teachers: 2 }, WITHOUT_KEY);
    if (index === 3) cancelled = { school, bookingId: visit.body.id };
    if (index < 4) await fair.bookClassVisit(school, fairId, { timeSlotId: slots[1 + (index % 2)].id, schoolClassId: second, pupils: 19, teachers: 1 }, WITHOUT_KEY);
  }
  if (cancelled) await bookings.cancel(cancelled.school, cancelled.bookingId, 'Klassenfahrt am selben Tag');
}

/**
 * Last year's fair, held and completed: its bookings count in the statistics per school year,
 * and its entrance counted who came (a few classes never arrived, some came with pupils ill).
 */
async function pastFair(app: INestApplication, cast: DemoCast, companies: Actor[], schools: Actor[], classOf: Map<Actor, string[]>) {
  const events = app.get(EventsService);
  const fair = app.get(HandwerkertagService);
  const past = await events.create(cast.organiser, {
    program: 'handwerkertag', title: 'Deine Region dein Handwerk (Vorjahr)', venue: 'HABI-Gelände Nordhausen', startsOn: demoDay(5), endsOn: demoDay(5), standCount: 25, ...cast.window,
  });
  await events.changeStatus(cast.organiser, past.id, { status: 'published' });
  const slots = app.get(TimeSlotsService);
  const morning = await slots.create(cast.organiser, past.id, { startsAt: new Date(`${demoDay(5)}T07:00:00Z`), endsAt: new Date(`${demoDay(5)}T09:00:00Z`), capacity: 500 });
  const noon = await slots.create(cast.organiser, past.id, { startsAt: new Date(`${demoDay(5)}T09:30:00Z`), endsAt: new Date(`${demoDay(5)}T11:30:00Z`), capacity: 500 });
  const bookings = app.get(BookingsService);
  for (const [index, company] of companies.slice(0, 15).entries()) {
    const stand = await fair.applyForStand(company, past.id, standOf(index), WITHOUT_KEY);
    await bookings.confirm(cast.organiser, stand.body.id, { standNumber: index + 1 });
  }
  const visits: string[] = [];
  for (const [index, school] of schools.entries()) {
    const slot = index % 2 === 0 ? morning : noon;
    for (const classId of classOf.get(school)!.slice(0, 2)) {
      visits.push((await fair.bookClassVisit(school, past.id, { timeSlotId: slot.id, schoolClassId: classId, pupils: 20, teachers: 2 }, WITHOUT_KEY)).body.id);
    }
  }
  const entrance = app.get(CheckInsService);
  for (const [index, bookingId] of visits.entries()) {
    if (index % 9 === 4) continue;
    const { shortCode } = await entrance.passOf(cast.organiser, bookingId);
    await entrance.checkIn(cast.organiser, shortCode!, { pupils: 20 - (index % 4), teachers: 2, entrance: index % 2 === 0 ? 'Haupteingang' : 'Eingang Halle 2' }, past.id);
  }
  // the fair took place a year ago: its dates move back, then it is closed and completed
  const yearAgo = demoDay(-360);
  await events.update(cast.organiser, past.id, {
    startsOn: yearAgo, endsOn: yearAgo,
    registrationOpensAt: new Date(`${demoDay(-420)}T07:00:00Z`), registrationClosesAt: new Date(`${demoDay(-367)}T21:00:00Z`), cancellationDeadline: new Date(`${demoDay(-370)}T21:00:00Z`),
  });
  await events.changeStatus(cast.organiser, past.id, { status: 'closed' });
  await events.changeStatus(cast.organiser, past.id, { status: 'completed' });
  return past.id;
}

const ACTIVITIES = ['Einen Nistkasten bauen', 'Ein Werkstück feilen', 'Eine Schaltung stecken', 'Fliesen legen', 'Haare flechten', 'Brot backen', 'Ein Rohr biegen', 'Dachziegel verlegen'];

const standOf = (index: number) => ({
  standSize: index % 3 === 0 ? '3 x 6 m' : '3 x 3 m',
  location: (index % 4 === 0 ? 'outdoor' : 'indoor') as 'indoor' | 'outdoor',
  powerNeeded: index % 2 === 0,
  handsOnActivity: ACTIVITIES[index % ACTIVITIES.length],
  apprenticeships: [COMPANIES[index % COMPANIES.length][1]],
  internships: index % 2 === 0 ? ['Schülerpraktikum'] : [],
  staffCount: 2 + (index % 3),
});
