import { Injectable, OnModuleInit } from '@nestjs/common';
import { BookingReads } from '../bookings/booking-reads';
import { Role } from '../common/identity/role';
import { DeskEntry, DeskRegistry, counted } from '../desk/desk-registry';
import { formatDate, formatDateTime } from '../common/time/berlin';
import { BookingOccasions, Occasion, Timing } from './booking-occasion';
import { calendarDateAt, instantOfWallClock } from './zoned-time';

/** When a booking next takes place from `now` on, or null when it is over. */
export function nextDate(timing: Timing, now: Date): Date | null {
  const today = calendarDateAt(now);
  switch (timing.type) {
    case 'span':
      return timing.endsAt >= now ? timing.startsAt : null;
    case 'days':
      return timing.lastDay >= today ? instantOfWallClock(timing.firstDay > today ? timing.firstDay : today, { hour: 0, minute: 0 }) : null;
    case 'weekly':
      return timing.days.find((day) => day.endsAt >= now)?.startsAt ?? null;
  }
}

/**
 * A company's or school's next dates on its start page: each booking that holds a place, at
 * its next day. Many pupils' practice days on the same day and event are one line.
 */
@Injectable()
export class NextDatesDesk implements OnModuleInit {
  constructor(
    private readonly registry: DeskRegistry,
    private readonly reads: BookingReads,
    private readonly occasions: BookingOccasions,
  ) {}

  onModuleInit() {
    this.registry.registerForMembers('next-dates', async (actor) => {
      const side = actor.role === Role.CompanyMember ? 'company' : 'school';
      const organisationId = side === 'company' ? actor.companyId : actor.schoolId;
      if (!organisationId) return [];
      return this.nextDates(await this.occasions.ofBookings(await this.reads.holdingIdsOf(side, organisationId)), new Date());
    });
  }

  private nextDates(occasions: Occasion[], now: Date): DeskEntry[] {
    const grouped = new Map<string, { at: Date; occasions: Occasion[] }>();
    for (const occasion of occasions) {
      const at = nextDate(occasion.timing, now);
      if (!at) continue;
      // one line per event, kind and day once there are several (a class's practice days)
      const key = `${occasion.eventId}|${occasion.kind}|${calendarDateAt(at)}`;
      const group = grouped.get(key) ?? { at, occasions: [] };
      group.occasions.push(occasion);
      grouped.set(key, group);
    }
    return [...grouped.values()].map(({ at, occasions: [first, ...more] }) => {
      const many = more.length > 0;
      // a day-long booking has its date; the others their time as well
      const whenIn = (locale: 'de' | 'en') => (first.timing.type === 'days' ? formatDate(calendarDateAt(at), locale) : formatDateTime(at, locale));
      const when = { de: whenIn('de'), en: whenIn('en') };
      return {
        group: 'next' as const,
        kind: first.kind,
        count: more.length + 1,
        at,
        href: many ? `/veranstaltungen/${first.eventId}` : `/buchungen/${first.bookingId}`,
        text: many
          ? { de: `${when.de}: ${first.eventTitle} – ${counted(more.length + 1, 'Buchung', 'Buchungen')}`, en: `${when.en}: ${first.eventTitle} – ${counted(more.length + 1, 'booking', 'bookings')}` }
          : { de: `${when.de}: ${first.summary.de}${first.status === 'pending' ? ' (noch nicht bestätigt)' : ''}`, en: `${when.en}: ${first.summary.en}${first.status === 'pending' ? ' (not confirmed yet)' : ''}` },
      };
    });
  }
}
