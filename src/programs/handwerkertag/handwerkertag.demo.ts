import type { INestApplication } from '@nestjs/common';
import { WITHOUT_KEY } from '../../bookings/idempotency/idempotency';
import { DemoCast, demoDay } from '../../cli/demo-cast';
import { EventsService } from '../../events/events.service';
import { HandwerkertagService } from './handwerkertag.service';
import { TimeSlotsService } from './time-slots.service';
import { handwerkertagRegionDemo } from './handwerkertag-region.demo';

/** The demo's fair: three time slots, a class visit and two stand applications, then the region's crafts and schools at it. */
export async function handwerkertagDemo(app: INestApplication, cast: DemoCast) {
  const events = app.get(EventsService);
  const fair = await events.create(cast.organiser, { program: 'handwerkertag', title: 'Deine Region dein Handwerk', venue: 'HABI-Gelände Nordhausen', startsOn: demoDay(60), endsOn: demoDay(60), standCount: 30, ...cast.window, description: 'Handwerksbetriebe zeigen ihre Berufe zum Ausprobieren.' });
  await events.changeStatus(cast.organiser, fair.id, { status: 'published' });
  const slots = app.get(TimeSlotsService);
  // the early slot is the small one: it fills up to a waiting list, the later ones have room
  const early = await slots.create(cast.organiser, fair.id, { startsAt: new Date(`${demoDay(60)}T06:30:00Z`), endsAt: new Date(`${demoDay(60)}T08:00:00Z`), capacity: 120 });
  await slots.create(cast.organiser, fair.id, { startsAt: new Date(`${demoDay(60)}T08:30:00Z`), endsAt: new Date(`${demoDay(60)}T10:00:00Z`), capacity: 240 });
  await slots.create(cast.organiser, fair.id, { startsAt: new Date(`${demoDay(60)}T10:30:00Z`), endsAt: new Date(`${demoDay(60)}T12:00:00Z`), capacity: 240 });
  const handwerkertag = app.get(HandwerkertagService);
  await handwerkertag.bookClassVisit(cast.lessing, fair.id, { timeSlotId: early.id, schoolClassId: cast.eightA.id, pupils: 24, teachers: 2 }, WITHOUT_KEY);
  await handwerkertag.applyForStand(cast.baecker, fair.id, { standSize: '3 x 3 m', location: 'indoor', powerNeeded: true, handsOnActivity: 'Brezeln flechten', apprenticeships: ['Bäcker/in'], internships: [], staffCount: 3 }, WITHOUT_KEY);
  await handwerkertag.applyForStand(cast.elektro, fair.id, { standSize: '3 x 6 m', location: 'indoor', powerNeeded: true, handsOnActivity: 'Eine Lampe anschließen', apprenticeships: ['Elektroniker/in'], internships: ['Schülerpraktikum'], staffCount: 2 }, WITHOUT_KEY);
  await handwerkertagRegionDemo(app, cast, fair.id);
}
