import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { Role } from '../auth/role';
import { newSecret } from '../auth/secrets';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import type { Locale } from '../common/errors/error-messages';
import { NotFoundError } from '../common/errors/domain-error';
import { Event } from '../events/event.entity';
import { organizerOf } from '../notifications/organizer';
import { BookingOccasions } from './booking-occasion';
import { bookingCalendar } from './booking-ics';
import { eventCalendar } from './event-ics';

type Owner = { column: 'company_id' | 'school_id' | 'user_id'; id: string };

const ownerOf = (actor: Actor): Owner =>
  actor.role === Role.CompanyMember
    ? { column: 'company_id', id: actor.companyId! }
    : actor.role === Role.SchoolMember
      ? { column: 'school_id', id: actor.schoolId! }
      : { column: 'user_id', id: actor.userId };

@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly occasions: BookingOccasions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The actor's feed (made on first use) with its https and webcal addresses. */
  async feedOf(actor: Actor) {
    const owner = ownerOf(actor);
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (${owner.column}, token) VALUES ($1, $2) ON CONFLICT (${owner.column}) DO NOTHING`,
      [owner.id, newSecret('pxc')],
    );
    const [feed] = await this.dataSource.query(`SELECT id, token, renewed_at FROM calendar_feeds WHERE ${owner.column} = $1`, [owner.id]);
    const url = `${this.config.PUBLIC_URL}/api/v1/calendar/feeds/${feed.id}/${feed.token}/calendar.ics`;
    return { id: feed.id, url, webcalUrl: url.replace(/^https?:/, 'webcal:'), renewedAt: feed.renewed_at };
  }

  /** A new secret address; the old one answers 404 from now on. */
  async renew(actor: Actor) {
    const owner = ownerOf(actor);
    await this.feedOf(actor);
    await this.dataSource.query(`UPDATE calendar_feeds SET token = $2, renewed_at = now() WHERE ${owner.column} = $1`, [owner.id, newSecret('pxc')]);
    return this.feedOf(actor);
  }

  /** The feed's calendar; an unknown feed or a wrong token is 404 (compared in constant time). */
  async render(feedId: string, token: string): Promise<{ body: string; lastModified: Date }> {
    const [feed] = await this.dataSource.query(
      `SELECT f.*, u.role, u.locale AS user_locale FROM calendar_feeds f LEFT JOIN users u ON u.id = f.user_id WHERE f.id = $1`,
      [feedId],
    );
    const expected = Buffer.from(feed?.token ?? 'x'.repeat(token.length + 1));
    const given = Buffer.from(token);
    if (!feed || expected.length !== given.length || !timingSafeEqual(expected, given)) throw new NotFoundError('Der Kalender');

    if (feed.user_id) {
      const events = await this.dataSource.manager
        .createQueryBuilder(Event, 'e')
        .where(`e.status <> 'draft'`)
        .orderBy('e.starts_on')
        .getMany();
      const locale: Locale = feed.user_locale ?? 'de';
      const body = eventCalendar(events, { locale, publicUrl: this.config.PUBLIC_URL, name: 'Praxisnah – Veranstaltungen' });
      return { body, lastModified: latest([feed.renewed_at, ...events.map((e) => e.updatedAt)]) };
    }
    const column = feed.company_id ? 'company_id' : 'school_id';
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM bookings WHERE ${column} = $1 AND status IN ('pending', 'confirmed') ORDER BY created_at, id`,
      [feed.company_id ?? feed.school_id],
    );
    const occasions = await this.occasions.load(this.dataSource.manager, ids.map((r) => r.id));
    // cancelled bookings leave the feed: their change must move Last-Modified too
    const [{ changed, holidays }] = await this.dataSource.query(
      `SELECT (SELECT max(updated_at) FROM bookings WHERE ${column} = $1) AS changed,
              (SELECT max(created_at) FROM school_holidays) AS holidays`,
      [feed.company_id ?? feed.school_id],
    );
    const body = bookingCalendar(occasions, {
      locale: 'de',
      publicUrl: this.config.PUBLIC_URL,
      organizer: organizerOf(this.config),
      name: 'Praxisnah',
    });
    return { body, lastModified: latest([feed.renewed_at, changed, holidays]) };
  }
}

const latest = (dates: Array<Date | null | undefined>) =>
  new Date(Math.max(...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));
