import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttendanceReads, GroupBooking } from '../../../bookings/attendance-reads';
import { Actor } from '../../../common/identity/actor';
import { berlinDate } from '../../../common/time/berlin';
import { TimeSlotsService } from '../time-slots.service';
import { CLASS_VISIT } from './check-in-codes';
import { CheckInsService } from './check-ins.service';
import { LiveFiguresDto, LiveTotalsDto, SchoolAttendanceDto } from './dto/check-in.dto';

interface Arrival {
  booking_id: string;
  pupils: number;
  teachers: number;
}

/**
 * What the organiser watches on the day: per slot the people in the hall against what was
 * booked, the classes still awaited; after the day, who never came, per school. Counts the
 * confirmed class visits only: a waiting or cancelled class is not expected.
 */
@Injectable()
export class LiveFigures {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attendance: AttendanceReads,
    private readonly slots: TimeSlotsService,
    private readonly checkIns: CheckInsService,
  ) {}

  async ofEvent(actor: Actor, eventId: string): Promise<LiveFiguresDto> {
    const event = await this.checkIns.entrance(actor, eventId);
    const manager = this.dataSource.manager;
    const [visits, slots, arrivals] = await Promise.all([
      this.attendance.groups(CLASS_VISIT, { eventId, statuses: ['confirmed'] }),
      this.slots.ofEvent(manager, eventId),
      manager.query(`SELECT booking_id, pupils, teachers FROM check_ins WHERE event_id = $1`, [eventId]) as Promise<Arrival[]>,
    ]);
    const arrived = new Map(arrivals.map((a) => [a.booking_id, a]));
    const slotFigures = slots.map((slot) => ({ slotId: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, ...totalsOf(visits.filter((v) => v.bookableId === slot.id), arrived) }));
    const startOf = new Map(slots.map((s) => [s.id, s.startsAt]));
    return {
      eventId,
      dayOver: String(event.endsOn) < berlinDate(new Date()),
      slots: slotFigures,
      totals: totalsOf(visits, arrived),
      notArrived: visits
        .filter((v) => !arrived.has(v.id))
        .map((v) => ({ bookingId: v.id, school: v.schoolName ?? '', className: v.className ?? '', slotStartsAt: startOf.get(v.bookableId!)!, pupils: v.pupils, teachers: v.teachers }))
        .sort((a, b) => +new Date(a.slotStartsAt) - +new Date(b.slotStartsAt)),
      bySchool: bySchool(visits, arrived),
    };
  }
}

function totalsOf(visits: GroupBooking[], arrived: Map<string, Arrival>): LiveTotalsDto {
  const came = visits.map((v) => arrived.get(v.id)).filter((a): a is Arrival => !!a);
  const pupilsArrived = sum(came.map((a) => a.pupils));
  const teachersArrived = sum(came.map((a) => a.teachers));
  return {
    classesBooked: visits.length,
    classesArrived: came.length,
    pupilsBooked: sum(visits.map((v) => v.pupils)),
    teachersBooked: sum(visits.map((v) => v.teachers)),
    pupilsArrived,
    teachersArrived,
    inHall: pupilsArrived + teachersArrived,
  };
}

function bySchool(visits: GroupBooking[], arrived: Map<string, Arrival>): SchoolAttendanceDto[] {
  const schools = new Map<string, SchoolAttendanceDto>();
  for (const v of visits) {
    const school = schools.get(v.schoolId!) ?? { schoolId: v.schoolId!, school: v.schoolName ?? '', classesBooked: 0, classesArrived: 0, noShows: 0, pupilsBooked: 0, pupilsArrived: 0 };
    const came = arrived.get(v.id);
    school.classesBooked += 1;
    school.pupilsBooked += v.pupils;
    if (came) {
      school.classesArrived += 1;
      school.pupilsArrived += came.pupils;
    } else school.noShows += 1;
    schools.set(v.schoolId!, school);
  }
  return [...schools.values()].sort((a, b) => a.school.localeCompare(b.school, 'de'));
}

const sum = (values: number[]) => values.reduce((a, b) => a + Number(b), 0);
