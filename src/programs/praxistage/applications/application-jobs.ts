import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/environment';
import { repeatEvery, RepeatingJob } from '../../../common/scheduling/repeating-job';
import { formatDate } from '../../../common/time/berlin';
import { inTransaction } from '../../../database/transaction';
import { ApplicationMails } from './application-mails';
import { ApplicationsService } from './applications.service';

const LAPSE_EVERY_MS = 60_000;
const DIGEST_EVERY_MS = 3600_000;
// Mondays from 7 o'clock: the week's digests go out once per ISO week.
const DIGEST_WEEKDAY = 1;
const DIGEST_HOUR = 7;

/**
 * The background work of applications: offers lapse at their deadline (the place is free
 * again), and once a week companies hear of unanswered applications and coordinators of
 * pupils still without a place. Several instances may run it: lapsing re-checks under
 * locks, and a week's digest is claimed by one row in `praxistage_digest_runs`.
 */
@Injectable()
export class ApplicationJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PraxistageApplications');
  private jobs: RepeatingJob[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly mails: ApplicationMails,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    const on = this.config.OUTBOX_POLL_MS > 0;
    this.jobs = [
      repeatEvery(on ? LAPSE_EVERY_MS : 0, () => this.applications.lapseDue(), this.logger, 'offer deadlines'),
      repeatEvery(on ? DIGEST_EVERY_MS : 0, () => this.digestsIfDue(new Date()), this.logger, 'weekly digests'),
    ];
  }

  async onApplicationShutdown() {
    await Promise.all(this.jobs.map((job) => job.stop()));
  }

  /** Sends the week's digests if it is Monday morning and no instance has yet; true if this call sent them. */
  async digestsIfDue(now: Date): Promise<boolean> {
    const local = new Date(now.toLocaleString('en-US', { timeZone: 'Europe/Berlin' }));
    if (local.getDay() !== DIGEST_WEEKDAY || local.getHours() < DIGEST_HOUR) return false;
    return this.sendDigests();
  }

  /** The week's digests, at most once per ISO week. */
  sendDigests(): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const claimed = await manager.query(
        `INSERT INTO praxistage_digest_runs (week) VALUES (to_char(now() AT TIME ZONE 'Europe/Berlin', 'IYYY-"W"IW')) ON CONFLICT DO NOTHING RETURNING week`,
      );
      if (claimed.length === 0) return false;
      const waiting: Array<{ company_id: string; lines: string[] }> = await manager.query(
        `SELECT a.company_id, array_agg(p.first_name || ' ' || p.last_name || ' (' || s.name || ', Phase ' || ph.number || ')' ORDER BY a.created_at) AS lines
           FROM praxistage_applications a JOIN pupils p ON p.id = a.pupil_id JOIN schools s ON s.id = a.school_id
           JOIN praxistage_phases ph ON ph.id = a.phase_id JOIN events e ON e.id = a.event_id
          WHERE a.status IN ('submitted', 'interview') AND e.status = 'published' AND ph.last_day >= current_date GROUP BY a.company_id`,
      );
      for (const company of waiting) {
        await this.mails.digest(manager, 'applications-digest', { companyId: company.company_id, schoolId: null }, () => ({
          count: company.lines.length,
          lines: company.lines.map((l) => `– ${l}`).join('\n'),
        }));
      }
      const unplaced: Array<{ school_id: string; phase: number; first_day: string; lines: string[] }> = await manager.query(
        `SELECT pp.school_id, ph.number AS phase, ph.first_day::text AS first_day,
                array_agg(p.last_name || ', ' || p.first_name || coalesce(' (' || c.name || ')', '') ORDER BY c.name, p.last_name) AS lines
           FROM praxistage_pupils pp JOIN praxistage_phases ph ON ph.event_id = pp.event_id JOIN events e ON e.id = pp.event_id
           JOIN pupils p ON p.id = pp.pupil_id LEFT JOIN school_classes c ON c.id = p.class_id
          WHERE e.status = 'published' AND ph.first_day <= current_date + 28 AND ph.last_day >= current_date
            AND NOT EXISTS (SELECT 1 FROM praxistage_applications a WHERE a.phase_id = ph.id AND a.pupil_id = pp.pupil_id AND a.status = 'accepted')
          GROUP BY pp.school_id, ph.number, ph.first_day`,
      );
      for (const school of unplaced) {
        await this.mails.digest(manager, 'unplaced-digest', { companyId: null, schoolId: school.school_id }, (locale) => ({
          count: school.lines.length,
          phase: school.phase,
          firstDay: formatDate(school.first_day, locale),
          lines: school.lines.map((l) => `– ${l}`).join('\n'),
        }));
      }
      this.logger.log(`weekly digests: ${waiting.length} companies, ${unplaced.length} schools`);
      return true;
    });
  }
}
