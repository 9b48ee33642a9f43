import { timingSafeEqual } from 'node:crypto';
import { BookingReads } from '../bookings/booking-reads';
import { LRUCache } from 'lru-cache';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { newSecret } from '../auth/secrets';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import type { Locale } from '../common/errors/error-messages';
import { NotFoundError } from '../common/errors/domain-error';
import { Event } from '../events/event.entity';
import { organizerOf } from '../notifications/organizer';
import { BookingOccasions } from './booking-occasion';
import { bookingCalendar } from './booking-ics';
import { etagOf } from './calendar-response';
import { eventCalendar } from './event-ics';

type Owner = { column: 'company_id' | 'school_id' | 'user_id'; id: string };

const ownerOf = (actor: Actor): Owner =>
  actor.role === Role.CompanyMember
    ? { column: 'company_id', id: actor.companyId! }
    : actor.role === Role.SchoolMember
      ? { column: 'school_id', id: actor.schoolId! }
      : { column: 'user_id', id: actor.userId };

export interface RenderedFeed {
  body: string;
  lastModified: Date;
  etag: string;
  stamp: string;
}

// Seconds a written feed may be handed out again while its stamp is unchanged.
const FEED_REUSE_SECONDS = 60;

@Injectable()
export class CalendarFeedsService {
  // Per instance and bounded: a cache of work, not state; another instance writes its own copy.
  private readonly rendered = new LRUCache<string, RenderedFeed>({ max: 200, ttl: FEED_REUSE_SECONDS * 1000 });
  private readonly writing = new Map<string, Promise<RenderedFeed>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly occasions: BookingOccasions,
    private readonly reads: BookingReads,
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

  /**
   * The feed's calendar; an unknown feed or a wrong token is 404 (compared in constant time).
   * A feed is written again only when what it shows has changed (its stamp) or its copy is
   * older than FEED_REUSE_SECONDS: writing 150 weekly placements costs a few hundred
   * milliseconds, and calendar apps keep polling an unchanged feed. The age limit covers
   * what the stamp does not see, such as a renamed company.
   */
  async render(feedId: string, token: string): Promise<RenderedFeed> {
    const [feed] = await this.dataSource.query(
      `SELECT f.*, u.role, u.locale AS user_locale FROM calendar_feeds f LEFT JOIN users u ON u.id = f.user_id WHERE f.id = $1`,
      [feedId],
    );
    const expected = Buffer.from(feed?.token ?? 'x'.repeat(token.length + 1));
    const given = Buffer.from(token);
    if (!feed || expected.length !== given.length || !timingSafeEqual(expected, given)) throw new NotFoundError('calendar_feed');

    const stamp = await this.stampOf(feed);
    const copy = this.rendered.get(feed.id);
    if (copy?.stamp === stamp.key) return copy;
    // Many polls of one changed feed at once write it once.
    const key = `${feed.id}|${stamp.key}`;
    let writing = this.writing.get(key);
    if (!writing) {
      writing = this.write(feed, stamp).finally(() => this.writing.delete(key));
      this.writing.set(key, writing);
    }
    return writing;
  }

  private async write(feed: Record<string, any>, stamp: { key: string; lastModified: Date }): Promise<RenderedFeed> {
    const body = feed.user_id ? await this.eventsFeed(feed.user_locale ?? 'de') : await this.bookingsFeed(feed);
    const rendered = { body, lastModified: stamp.lastModified, etag: etagOf(body), stamp: stamp.key };
    this.rendered.set(feed.id, rendered);
    return rendered;
  }

  /** What a feed's content depends on, in one query: when its rows last changed and how many there are. */
  private async stampOf(feed: Record<string, any>): Promise<{ key: string; lastModified: Date }> {
    const [row] = feed.user_id
      ? await this.dataSource.query(
          `SELECT max(updated_at) AS changed, count(*)::int AS rows, NULL AS holidays, 0 AS holiday_rows FROM events WHERE status <> 'draft'`,
        )
      : [
          {
            ...(await this.reads.stampOf(feed.company_id ? 'company' : 'school', feed.company_id ?? feed.school_id)),
            ...(await this.dataSource.query(`SELECT max(created_at) AS holidays, count(*)::int AS holiday_rows FROM school_holidays`))[0],
          },
        ];
    const lastModified = latest([feed.renewed_at, row.changed, row.holidays]);
    return { key: `${feed.token}|${lastModified.toISOString()}|${row.rows}|${row.holiday_rows}`, lastModified };
  }

  /** An organiser's feed: every event that is no longer a draft. */
  private async eventsFeed(locale: Locale) {
    const events = await this.dataSource.manager.createQueryBuilder(Event, 'e').where(`e.status <> 'draft'`).orderBy('e.starts_on').getMany();
    return eventCalendar(events, { locale, publicUrl: this.config.PUBLIC_URL, name: 'Praxisnah – Veranstaltungen' });
  }

  /** A company's or school's feed: its current bookings. */
  private async bookingsFeed(feed: Record<string, any>) {
    const ids = await this.reads.holdingIdsOf(feed.company_id ? 'company' : 'school', feed.company_id ?? feed.school_id);
    const occasions = await this.occasions.load(this.dataSource.manager, ids);
    return bookingCalendar(occasions, { locale: 'de', publicUrl: this.config.PUBLIC_URL, organizer: organizerOf(this.config), name: 'Praxisnah' });
  }
}

const latest = (dates: Array<Date | null | undefined>) =>
  new Date(Math.max(...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));
