import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { retrySetAside, setAsideChanges } from '../bookings/booking-change-feed';
import { NotFoundError } from '../common/errors/domain-error';
import { pageWindow } from '../common/http/pagination';
import { likePattern } from '../common/http/search';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { queryRows } from '../database/query-rows';
import { OutboxListQuery } from './dto/outbox-list.query';
import { OutboxMail } from './outbox-mail.entity';

/**
 * The outbox for organisers: every mail with its state — failed ones with their error,
 * and, without SMTP_URL, the mails themselves (the app's own mailbox).
 */
@ApiTags('mail')
@Controller('api/v1/outbox')
@Roles(Role.Organiser, Role.Partner)
export class OutboxController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async list(@Query() query: OutboxListQuery) {
    const { page, pageSize, skip, take } = pageWindow(query);
    const qb = this.dataSource.manager
      .createQueryBuilder(OutboxMail, 'm')
      .select(['m.id', 'm.kind', 'm.recipient', 'm.locale', 'm.subject', 'm.status', 'm.attempts', 'm.lastError', 'm.createdAt', 'm.sentAt', 'm.nextAttemptAt', 'm.bookingId', 'm.calendarMethod'])
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id')
      .skip(skip)
      .take(take);
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.recipient) qb.andWhere('m.recipient ILIKE :recipient', { recipient: likePattern(query.recipient) });
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page, pageSize };
  }

  /**
   * Booking changes whose mail could not be composed (after MAX_ATTEMPTS they wait for a
   * person), with the error: the booking stands, only its mail is missing.
   */
  @Get('unmailed-changes')
  async unmailedChanges() {
    return { items: await setAsideChanges(this.dataSource.manager) };
  }
  /** Tries to compose a set-aside change's mail again on the worker's next pass (after a fix). */
  @Post('unmailed-changes/:changeId/retry')
  @HttpCode(200)
  @Roles(Role.Organiser)
  async retryChange(@Param('changeId') changeId: string) {
    if (!(await retrySetAside(this.dataSource.manager, changeId))) throw new NotFoundError('booking_change');
    return { id: changeId, retry: true };
  }
  /** One mail with its text, HTML and calendar attachment (until its body is purged). */
  @Get(':mailId')
  async get(@Param('mailId', UuidParam) mailId: string) {
    const mail = await this.dataSource.manager.findOneBy(OutboxMail, { id: mailId });
    if (!mail) throw new NotFoundError('mail');
    return mail;
  }

  /** Sends a failed mail again (after the organiser fixed the address or the server). */
  @Post(':mailId/retry')
  @HttpCode(200)
  @Roles(Role.Organiser)
  async retry(@Param('mailId', UuidParam) mailId: string) {
    const [mail] = await queryRows(
      this.dataSource.manager,
      `UPDATE outbox_mails SET status = 'pending', attempts = 0, next_attempt_at = now(), leased_until = NULL
        WHERE id = $1 AND status = 'failed' RETURNING id`,
      [mailId],
    );
    if (!mail) throw new NotFoundError('failed_mail');
    return this.get(mailId);
  }
}
