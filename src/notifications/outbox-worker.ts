import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { repeatEvery, RepeatingJob } from '../common/scheduling/repeating-job';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { entityFromRow } from '../database/entity-rows';
import { queryRows } from '../database/query-rows';
import { BookingChangeMails } from './booking-change-mails';
import { mailTransport, MailTransport } from './mail-transport';
import { OutboxMail } from './outbox-mail.entity';

// Long enough for one SMTP conversation; a worker that died releases its mail after it.
const LEASE_SECONDS = 300;
const BATCH = 20;

/** Wait before attempt n+1: base · 2^(n-1), at most an hour (1 min, 2, 4 … 60 by default). */
export const retryDelaySeconds = (attempts: number, base: number) => Math.min(3600, base * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the outbox. A worker claims due mails with FOR UPDATE SKIP LOCKED and a lease in
 * one short statement, sends them outside any transaction, then records the outcome —
 * only while its lease still holds. Several instances can run it at once; none sends a
 * mail another has claimed. A mail server outage only delays mail: failures are retried
 * with growing back-off, and after MAIL_MAX_ATTEMPTS the mail is marked failed for the
 * organisers to see. A restart finds unsent mail where it was left.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxWorker');
  private readonly transport: MailTransport;
  private job?: RepeatingJob;
  private running?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bookingMails: BookingChangeMails,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = mailTransport(config);
  }

  onApplicationBootstrap() {
    this.job = repeatEvery(this.config.OUTBOX_POLL_MS, () => this.runOnce(), this.logger, 'outbox run');
  }

  async onApplicationShutdown() {
    await this.job?.stop();
    await this.running?.catch(() => undefined);
    this.transport.close();
  }

  /**
   * One pass: composes the mails of booking changes committed since the last pass, then
   * claims due mail, sends it and records the outcome. Returns how many were sent.
   */
  runOnce(): Promise<number> {
    // one pass at a time per process; other processes are kept apart by the lease
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    await this.bookingMails.composePending();
    const claimed = await queryRows<Record<string, unknown>>(
      this.dataSource.manager,
      `UPDATE outbox_mails m SET leased_until = now() + make_interval(secs => $2), attempts = m.attempts + 1
        WHERE m.id IN (
          SELECT id FROM outbox_mails
           WHERE status = 'pending' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
           ORDER BY next_attempt_at, created_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING m.*, m.leased_until::text AS lease`,
      [BATCH, LEASE_SECONDS],
    );
    // One statement claims the batch, so the whole batch shares one lease.
    const lease = claimed[0]?.lease as string;
    const sent: string[] = [];
    for (const row of claimed) {
      const mail = entityFromRow(this.dataSource.manager, OutboxMail, row);
      try {
        await this.transport.send(mail);
        sent.push(mail.id);
      } catch (error) {
        await this.recordFailure(mail, lease, error);
      }
    }
    // Recorded together: a worker that dies before this line sends the batch again after
    // the lease (delivery is at least once; never lost).
    if (sent.length > 0) {
      await this.dataSource.query(
        `UPDATE outbox_mails SET status = 'sent', sent_at = now(), last_error = NULL, leased_until = NULL
          WHERE id = ANY($1::uuid[]) AND leased_until = $2::timestamptz`,
        [sent, lease],
      );
    }
    await this.purgeOldBodies();
    return sent.length;
  }

  /** Retried later with growing back-off, or marked failed for the organisers after the last attempt. */
  private async recordFailure(mail: OutboxMail, lease: string, error: unknown) {
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    const failed = mail.attempts >= this.config.MAIL_MAX_ATTEMPTS;
    if (failed) this.logger.error(`mail ${mail.id} to ${mail.recipient} failed for good: ${message}`);
    else this.logger.warn(`mail ${mail.id} not sent (attempt ${mail.attempts}): ${message}`);
    await this.settle(
      mail.id,
      lease,
      failed ? `status = 'failed', last_error = $3` : `last_error = $3, next_attempt_at = now() + make_interval(secs => $4)`,
      failed ? [message] : [message, retryDelaySeconds(mail.attempts, this.config.MAIL_RETRY_BASE_SECONDS)],
    );
  }

  /** Records the outcome only if our lease is still the mail's lease. */
  private async settle(id: string, lease: string, changes: string, params: unknown[]) {
    await this.dataSource.query(
      `UPDATE outbox_mails SET ${changes}, leased_until = NULL WHERE id = $1 AND leased_until = $2::timestamptz`,
      [id, lease, ...params],
    );
  }

  private async purgeOldBodies() {
    await this.dataSource.query(
      `UPDATE outbox_mails SET text_body = NULL, html_body = NULL, calendar = NULL, attachment = NULL, attachment_name = NULL, body_purged_at = now()
        WHERE status <> 'pending' AND body_purged_at IS NULL AND created_at < now() - make_interval(days => $1)`,
      [this.config.MAIL_BODY_RETENTION_DAYS],
    );
  }
}
