import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { repeatEvery, RepeatingJob } from '../common/scheduling/repeating-job';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { berlinDate, formatDate } from '../common/time/berlin';
import { inTransaction } from '../database/transaction';
import { audienceOf, bookingMailData } from './booking-mail-data';
import { BookingOccasions, Occasion } from '../calendar/booking-occasion';
import { addDays } from '../calendar/iso-date';
import { BookingReads } from '../bookings/booking-reads';
import { OutboxService } from './outbox.service';
import { membersByOrganisation } from './recipients';

const EVERY_MINUTES = 15;

/** The first day a booking is about, Berlin date: the event's, the slot's or period's, the first practice day. */
function firstDayOf(occasion: Occasion): string {
  if (occasion.timing.type === 'days') return occasion.timing.firstDay;
  if (occasion.timing.type === 'weekly') return occasion.timing.days[0]?.date ?? '';
  return berlinDate(new Date(occasion.timing.startsAt));
}

/**
 * Reminds bookers REMINDER_DAYS_BEFORE days before their event, class visit, session or
 * first practice day. Each booking is claimed in `reminders_sent` (primary key) in the
 * transaction that writes its mails, so with several instances exactly one reminds.
 */
@Injectable()
export class Reminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private job?: RepeatingJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly occasions: BookingOccasions,
    private readonly reads: BookingReads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    // the background work of an instance is switched on and off with its mail worker
    this.job = repeatEvery(this.config.OUTBOX_POLL_MS > 0 ? EVERY_MINUTES * 60_000 : 0, () => this.runOnce(), this.logger, 'reminders');
  }

  async onApplicationShutdown() {
    await this.job?.stop();
  }

  /** Writes the reminders that are due; returns how many bookings were reminded. */
  runOnce(): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      // each kind's own start (a slot, a period, the first practice day) comes from its occasion
      const today = berlinDate(new Date());
      const until = addDays(today, this.config.REMINDER_DAYS_BEFORE);
      // a running term's placements stay candidates for months: those reminded already are left out first
      const around = await this.reads.confirmedAround(manager, this.config.REMINDER_DAYS_BEFORE);
      const reminded: Array<{ booking_id: string }> = await manager.query(`SELECT booking_id FROM reminders_sent WHERE booking_id = ANY($1::uuid[])`, [around]);
      const done = new Set(reminded.map((r) => r.booking_id));
      const candidates = await this.occasions.load(manager, around.filter((id) => !done.has(id)));
      const inWindow = candidates.filter((occasion) => {
        const day = firstDayOf(occasion);
        return day >= today && day <= until;
      });
      // claimed once per booking: with several instances exactly one reminds
      const claimed: Array<{ booking_id: string }> = await manager.query(
        `INSERT INTO reminders_sent (booking_id, occasion) SELECT unnest($1::uuid[]), 'start' ON CONFLICT DO NOTHING RETURNING booking_id`,
        [inWindow.map((o) => o.bookingId)],
      );
      const mine = new Set(claimed.map((c) => c.booking_id));
      const occasions = inWindow.filter((o) => mine.has(o.bookingId));
      const members = await membersByOrganisation(manager, occasions);
      for (const occasion of occasions) {
        const firstDay = firstDayOf(occasion);
        await this.outbox.enqueue(
          manager,
          'booking-reminder',
          audienceOf(occasion, members),
          (locale, recipient) => ({
            ...bookingMailData(occasion, locale, recipient, this.config.PUBLIC_URL),
            startDay: firstDay ? formatDate(firstDay, locale) : '',
          }),
          { bookingId: occasion.bookingId },
        );
      }
      return occasions.length;
    });
  }
}
