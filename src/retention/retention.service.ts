import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { repeatEvery, RepeatingJob } from '../common/scheduling/repeating-job';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { inTransaction } from '../database/transaction';
import { BookingEngine } from '../bookings/booking-engine';
import { BookingReads } from '../bookings/booking-reads';

// Any constant of its own: only one instance runs retention at a time.
const RETENTION_LOCK = 7_361_002;
const EVERY_HOURS = 6;

/**
 * Pupils are minors: their data lives only as long as it is needed. Once the last
 * Praxistage term of a pupil ended more than PUPIL_RETENTION_MONTHS ago (a pupil never
 * placed: that long after being recorded), the pupil is deleted; the placements of such
 * terms lose their pupil, their cancelled days' reasons and the mail bodies about them.
 * The bookings stay as anonymous numbers for the statistics.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private job?: RepeatingJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: BookingEngine,
    private readonly reads: BookingReads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    // the background work of an instance is switched on and off with its mail worker
    this.job = repeatEvery(this.config.OUTBOX_POLL_MS > 0 ? EVERY_HOURS * 3600_000 : 0, () => this.run(null), this.logger, 'retention');
  }

  async onApplicationShutdown() {
    await this.job?.stop();
  }

  /** What a run would delete now, and the last runs. */
  async status() {
    const due = await this.due(this.dataSource.manager);
    const runs = await this.dataSource.query(
      `SELECT r.id, r.started_at AS "startedAt", r.pupils_deleted AS "pupilsDeleted", r.placements_anonymised AS "placementsAnonymised",
              r.mails_purged AS "mailsPurged", u.name AS "triggeredBy"
         FROM retention_runs r LEFT JOIN users u ON u.id = r.triggered_by ORDER BY r.started_at DESC LIMIT 10`,
    );
    return { pupilRetentionMonths: this.config.PUPIL_RETENTION_MONTHS, due: { pupils: due.pupils.length, placements: due.placements.length }, runs };
  }

  /** Deletes what is due, in one transaction; skipped (null) while another instance runs it. */
  run(actor: Actor | null) {
    return inTransaction(this.dataSource, async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RETENTION_LOCK]);
      if (!locked) return null;
      const { pupils, placements } = await this.due(manager);
      const [{ purged }] = await manager.query(
        `WITH purged AS (
           UPDATE outbox_mails SET text_body = NULL, html_body = NULL, calendar = NULL, attachment = NULL, attachment_name = NULL, body_purged_at = now()
            WHERE body_purged_at IS NULL AND status <> 'pending' AND booking_id = ANY($1) RETURNING 1)
         SELECT count(*)::int AS purged FROM purged`,
        [placements],
      );
      await manager.query(`DELETE FROM placement_exceptions WHERE booking_id = ANY($1)`, [placements]);
      await this.engine.forgetPupils(manager, placements);
      await manager.query(`DELETE FROM pupils WHERE id = ANY($1)`, [pupils]);
      await manager.query(`DELETE FROM audit_log WHERE entity_type = 'pupil' AND entity_id = ANY($1)`, [pupils]);
      const [run] = await manager.query(
        `INSERT INTO retention_runs (triggered_by, pupils_deleted, placements_anonymised, mails_purged) VALUES ($1, $2, $3, $4)
         RETURNING id, started_at AS "startedAt", pupils_deleted AS "pupilsDeleted", placements_anonymised AS "placementsAnonymised", mails_purged AS "mailsPurged"`,
        [actor?.userId ?? null, pupils.length, placements.length, purged],
      );
      if (pupils.length || placements.length) this.logger.log(`deleted ${pupils.length} pupils, anonymised ${placements.length} placements`);
      return run;
    });
  }

  private async due(manager: EntityManager): Promise<{ pupils: string[]; placements: string[] }> {
    const months = this.config.PUPIL_RETENTION_MONTHS;
    return { pupils: await this.reads.pupilsDoneBefore(months, manager), placements: await this.reads.withPupilEndedBefore(months, manager) };
  }
}
