import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { repeatEvery, RepeatingJob } from '../common/scheduling/repeating-job';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { berlinDate, formatDate } from '../common/time/berlin';
import { inTransaction } from '../database/transaction';
import { audienceOf, bookingMailData } from './booking-mail-data';
import { BookingOccasions } from '../calendar/booking-occasion';
import { OutboxService } from './outbox.service';
import { membersByOrganisation } from './recipients';

const EVERY_MINUTES = 15;

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
      const due: Array<{ booking_id: string }> = await manager.query(
        `WITH due AS (
           SELECT b.id FROM bookings b
             JOIN events e ON e.id = b.event_id
             LEFT JOIN time_slots ts ON ts.id = b.bookable_id AND b.kind = 'class_visit'
             LEFT JOIN event_periods p ON p.id = b.period_id
            WHERE b.status = 'confirmed' AND e.status IN ('published', 'closed')
              AND coalesce((ts.starts_at AT TIME ZONE 'Europe/Berlin')::date, (p.starts_at AT TIME ZONE 'Europe/Berlin')::date,
                           b.first_date, e.starts_on)
                  BETWEEN (now() AT TIME ZONE 'Europe/Berlin')::date AND (now() AT TIME ZONE 'Europe/Berlin')::date + $1::int)
         INSERT INTO reminders_sent (booking_id, occasion) SELECT id, 'start' FROM due
         ON CONFLICT DO NOTHING RETURNING booking_id`,
        [this.config.REMINDER_DAYS_BEFORE],
      );
      const occasions = await this.occasions.load(manager, due.map((d) => d.booking_id));
      const members = await membersByOrganisation(manager, occasions);
      for (const occasion of occasions) {
        const firstDay =
          occasion.timing.type === 'days' ? occasion.timing.firstDay
          : occasion.timing.type === 'weekly' ? (occasion.timing.days[0]?.date ?? '')
          : berlinDate(new Date(occasion.timing.startsAt));
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
