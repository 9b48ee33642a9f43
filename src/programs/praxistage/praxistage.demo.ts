import type { INestApplication } from '@nestjs/common';
import { WITHOUT_KEY } from '../../bookings/idempotency/idempotency';
import { DemoCast, demoDay, DemoLogins, nextWeekday } from '../../cli/demo-cast';
import { EventsService } from '../../events/events.service';
import { PlacementsService } from './placements.service';
import { PracticumOffersService } from './practicum-offers.service';
import { praxistageYearDemo } from './praxistage-year.demo';

/** The demo's Praxistage: a one-term offer with places on two weekdays and a pupil placed, and a Tag-in-der-Praxis year. */
export async function praxistageDemo(app: INestApplication, cast: DemoCast): Promise<DemoLogins> {
  const events = app.get(EventsService);
  const term = await events.create(cast.organiser, { program: 'praxistage', title: 'Praxistage', venue: 'Nordthüringen', startsOn: nextWeekday(1, 7), endsOn: demoDay(140), ...cast.window });
  await events.changeStatus(cast.organiser, term.id, { status: 'published' });
  const offer = await app.get(PracticumOffersService).create(cast.elektro, term.id, {
    occupationalField: 'Elektro', apprenticeship: 'Elektroniker/in', weekdays: [3, 5], placesPerWeekday: 2, dailyStart: '07:30', dailyEnd: '14:00',
    street: 'Am Schacht 2', postalCode: '99706', town: 'Sondershausen', mentor: 'Meister Strom', contactPerson: 'Frau Spannung', contactPhone: '03632 777', contactEmail: 'praxistage@elektro.demo',
  });
  await app.get(PlacementsService).book(cast.lessing, term.id, { offerId: offer.id, weekday: 3, pupilId: cast.mia.id }, WITHOUT_KEY);
  return praxistageYearDemo(app, cast);
}
