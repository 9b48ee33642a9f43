import type { INestApplication } from '@nestjs/common';
import { WITHOUT_KEY } from '../../bookings/idempotency/idempotency';
import { DemoCast, demoDay } from '../../cli/demo-cast';
import { parseInstant } from '../../common/time/berlin';
import { EventsService } from '../../events/events.service';
import { SchoolDayBookingsService } from './school-day-bookings.service';
import { SchoolDayService } from './school-day.service';

/** The demo's school day at the Lessingschule: two periods, two classes, a room, two companies, a session. */
export async function schuleTrifftWirtschaftDemo(app: INestApplication, cast: DemoCast) {
  const events = app.get(EventsService);
  const stw = await events.create(cast.organiser, { program: 'schule-trifft-wirtschaft', title: 'Schule trifft Wirtschaft', venue: 'Lessingschule Nordhausen', startsOn: demoDay(30), endsOn: demoDay(30), hostSchoolId: cast.lessing.schoolId!, requestedOccupationalFields: ['Elektro', 'Handwerk'], ...cast.window });
  await events.changeStatus(cast.organiser, stw.id, { status: 'published' });
  const layout = app.get(SchoolDayService);
  const first = await layout.addPeriod(cast.lessing, stw.id, { number: 1, startsAt: parseInstant(`${demoDay(30)}T08:00`), endsAt: parseInstant(`${demoDay(30)}T08:45`) });
  await layout.addPeriod(cast.lessing, stw.id, { number: 2, startsAt: parseInstant(`${demoDay(30)}T08:55`), endsAt: parseInstant(`${demoDay(30)}T09:40`) });
  const dayClass = await layout.addClass(cast.lessing, stw.id, { schoolClassId: cast.eightA.id });
  await layout.addClass(cast.lessing, stw.id, { schoolClassId: cast.eightB.id });
  const hall = await layout.addRoom(cast.lessing, stw.id, { name: 'Aula' });
  const schoolDay = app.get(SchoolDayBookingsService);
  await schoolDay.register(cast.baecker, stw.id, WITHOUT_KEY);
  await schoolDay.register(cast.elektro, stw.id, WITHOUT_KEY);
  await schoolDay.bookSession(cast.baecker, stw.id, { eventClassId: dayClass.id, periodId: first.id, roomId: hall.id }, WITHOUT_KEY);
}
