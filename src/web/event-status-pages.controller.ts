import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { invalidField, NotFoundError } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { BookingReads } from '../bookings/booking-reads';
import { ChangeEventStatusDto } from '../events/dto/event.dto';
import { EVENT_TRANSITIONS, EventStatus } from '../events/event-status';
import { STATUS_STEPS, stepFits } from './event-status-steps';
import { EventsService } from '../events/events.service';
import { submitForm } from './form';
import { PageRenderer } from './page-renderer';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';


/**
 * Closing, reopening, completing and cancelling an event, each behind a page that says what
 * will happen before it does ("12 bookings will be cancelled, 31 people get a mail"). A
 * cancellation needs its reason: it goes into every booking's history and mail.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('verwaltung/veranstaltungen/:eventId/status/:step')
@Roles(Role.Organiser)
export class EventStatusPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly reads: BookingReads,
  ) {}

  @Get()
  async confirm(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('step') step: string) {
    res.send(this.pages.render('admin-event-status', await this.context(actor, req, res, eventId, step, {})));
  }

  @Post()
  async change(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Param('step') step: string, @Body() body: Record<string, string>) {
    const target = await this.target(actor, eventId, step);
    await submitForm(res, actor.locale, {
      dto: ChangeEventStatusDto,
      input: { status: target, ...(body.reason ? { reason: body.reason } : {}) },
      view: async (shown) => this.pages.render('admin-event-status', await this.context(actor, req, res, eventId, step, { values: body, ...shown })),
      statusOf: (error) => (error.code === 'validation_failed' ? 400 : 409),
      then: async (value) => {
        if (target === 'cancelled' && !value.reason?.trim()) throw invalidField('reason', 'should not be empty', 'isNotEmpty');
        await this.events.changeStatus(actor, eventId, value);
        return `/verwaltung/veranstaltungen/${eventId}?ok=statusChanged`;
      },
    });
  }

  /** The status the step leads to, where the event may take it; anything else is no page. */
  private async target(actor: Actor, eventId: string, step: string): Promise<EventStatus> {
    const target = STATUS_STEPS[step];
    const event = await this.events.get(actor, eventId);
    if (!target || !EVENT_TRANSITIONS[event.status].includes(target) || !stepFits(step, event.status)) throw new NotFoundError('page');
    return target;
  }

  private async context(actor: Actor, req: Request, res: Response, eventId: string, step: string, extra: Record<string, unknown>) {
    const target = await this.target(actor, eventId, step);
    const event = await this.events.get(actor, eventId);
    return pageContext(req, res, `${text(actor.locale, `eventStep.${step}`)}: ${event.title}`, {
      section: 'admin',
      event,
      step,
      cancelling: target === 'cancelled',
      reach: target === 'cancelled' ? await this.reads.reach(eventId) : null,
      values: {},
      ...extra,
    });
  }
}
