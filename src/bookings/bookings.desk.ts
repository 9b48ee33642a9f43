import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { counted, DeskEntry, DeskRegistry, START_OF_TODAY } from '../desk/desk-registry';
import { BookingKinds } from './booking-kinds';
import { BookingKind } from './booking-status';

/**
 * On the desk: bookings that wait for the organiser's decision (stand applications, bookings
 * of events that need approval), waiting lists, and the day's bookings and cancellations.
 * How a kind's pending bookings read there, its program says (BookingKinds).
 */
@Injectable()
export class BookingsDesk implements OnModuleInit {
  constructor(
    private readonly registry: DeskRegistry,
    private readonly dataSource: DataSource,
    private readonly kinds: BookingKinds,
  ) {}

  onModuleInit() {
    this.registry.register('bookings', () => this.desk());
  }

  private async desk() {
    const waiting: Array<{ event_id: string; title: string; kind: string; status: string; count: number }> = await this.dataSource.query(
      `SELECT b.event_id, e.title, b.kind, b.status, count(*)::int AS count FROM bookings b JOIN events e ON e.id = b.event_id
        WHERE b.status IN ('waitlisted', 'pending') AND e.status IN ('published', 'closed')
        GROUP BY b.event_id, e.title, b.kind, b.status ORDER BY e.title`,
    );
    const entries: DeskEntry[] = waiting.flatMap((w): DeskEntry[] => {
      const where = `/verwaltung/veranstaltungen/${w.event_id}`;
      if (w.status === 'waitlisted') {
        return [{ group: 'todo', kind: 'waiting_list', count: w.count, href: `${where}#warteliste`, text: { de: `${counted(w.count, 'Buchung', 'Buchungen')} auf der Warteliste: ${w.title}`, en: `${counted(w.count, 'booking', 'bookings')} on the waiting list: ${w.title}` } }];
      }
      // the kind's program says how its pending bookings read, or that they wait for someone else
      const shown = this.kinds.of(w.kind as BookingKind)?.pendingOnDesk;
      if (shown === false) return [];
      if (shown) {
        const words = shown.words(w.count);
        return [{ group: 'todo', kind: shown.kind, count: w.count, href: `${where}#${shown.anchor}`, text: { de: `${words.de}: ${w.title}`, en: `${words.en}: ${w.title}` } }];
      }
      return [{ group: 'todo', kind: 'bookings_to_confirm', count: w.count, href: where, text: { de: `${counted(w.count, 'Buchung', 'Buchungen')} zu bestätigen: ${w.title}`, en: `${counted(w.count, 'booking', 'bookings')} to confirm: ${w.title}` } }];
    });
    const [today]: Array<{ booked: number; cancelled: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE change = 'created')::int AS booked, count(*) FILTER (WHERE change = 'cancelled')::int AS cancelled
         FROM booking_changes WHERE occurred_at >= ${START_OF_TODAY}`,
    );
    return {
      entries,
      figures: [
        { kind: 'booked_today', label: { de: 'Heute gebucht', en: 'Booked today' }, value: today.booked },
        { kind: 'cancelled_today', label: { de: 'Heute storniert', en: 'Cancelled today' }, value: today.cancelled },
      ],
    };
  }
}
