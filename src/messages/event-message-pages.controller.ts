import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { errorDefinition } from '../common/errors/error-catalog';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { Event } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { FormErrors, problemOf, readForm, submitForm } from '../web/form';
import { PageRenderer } from '../web/page-renderer';
import { pageContext, text } from '../web/web-context';
import { WebExceptionFilter } from '../web/web-exception.filter';
import { EventMessageDto } from './dto/event-message.dto';
import { MessagePreviewDto } from './dto/event-message-view.dto';
import { EventMessagesService } from './event-messages.service';
import { filterChoices, messageInput, NEW_MESSAGE, SendMessageForm } from './message-forms';
import { MessageAudience } from './message-audience';
import { counted, reachWords } from './message-page-texts';

/**
 * The organiser writes to the bookers of an event: compose → preview (whom it reaches, the
 * mail in both languages) → send, and the list of messages sent with their recipients, which
 * partners may read too.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('verwaltung/veranstaltungen/:eventId/nachrichten')
export class EventMessagePagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly messages: EventMessagesService,
    private readonly audience: MessageAudience,
  ) {}

  @Get()
  @Roles(Role.Organiser, Role.Partner)
  async list(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    const event = await this.events.findVisible(actor, eventId);
    const messages = (await this.messages.list(actor, eventId)).map((message) => ({ ...message, words: reachWords(actor.locale, message) }));
    res.send(this.pages.render('event-messages', pageContext(req, res, `${text(actor.locale, 'messages.title')}: ${event.title}`, { section: 'admin', event, messages })));
  }

  @Get('neu')
  @Roles(Role.Organiser)
  async compose(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string) {
    res.send(await this.composePage(actor, req, res, eventId, { values: NEW_MESSAGE }));
  }

  /** The preview is a page of its own, not a redirect: it shows what was typed, which is stored nowhere until it is sent. */
  @Post('vorschau')
  @Roles(Role.Organiser)
  async preview(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, unknown>) {
    const event = await this.events.findVisible(actor, eventId);
    const input = messageInput(body);
    const read = await readForm(EventMessageDto, input, actor.locale);
    if (!read.value) {
      res.status(400).send(await this.composePage(actor, req, res, eventId, { values: input, errors: read.errors }));
      return;
    }
    try {
      const preview = await this.messages.preview(actor, eventId, read.value);
      res.send(await this.previewPage(actor, req, res, event, { ...read.value, ...preview }, preview));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found') throw error;
      const problem = problemOf(error, actor.locale);
      res.status(errorDefinition(error.code).status).send(await this.composePage(actor, req, res, eventId, { values: input, errors: { form: true, ...problem.errors }, problem: problem.problem }));
    }
  }

  @Post()
  @Roles(Role.Organiser)
  async send(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response, @Param('eventId', UuidParam) eventId: string, @Body() body: Record<string, unknown>) {
    await this.events.findVisible(actor, eventId);
    const input = messageInput(body);
    await submitForm(res, actor.locale, {
      dto: SendMessageForm,
      input,
      view: (shown) => this.composePage(actor, req, res, eventId, { values: input, ...shown }),
      statusOf: (error) => errorDefinition(error.code).status,
      then: async ({ sendKey, ...message }) => {
        await this.messages.send(actor, eventId, message, sendKey);
        return `/verwaltung/veranstaltungen/${eventId}/nachrichten?ok=messageSent`;
      },
    });
  }

  /** Whom the message reaches and both mails, the form that sends it (with a key of its own), and the form to change it. */
  private async previewPage(actor: Actor, req: Request, res: Response, event: Event, values: Record<string, unknown>, preview: MessagePreviewDto) {
    const words = { ...reachWords(actor.locale, preview), englishReaders: counted(actor.locale, preview.englishReaders, 'person') };
    const mails = preview.mails.map((mail) => ({ ...mail, readers: counted(actor.locale, mail.people, 'person') }));
    return this.pages.render(
      'event-message-preview',
      pageContext(req, res, `${text(actor.locale, 'messages.previewTitle')}: ${event.title}`, {
        section: 'admin', event, preview, mails, words, values, sendKey: randomUUID(),
        english: preview.mails.some((mail) => mail.locale === 'en'),
        ...filterChoices(actor.locale, values, await this.audience.slotsOf(actor, event)),
      }),
    );
  }

  private async composePage(actor: Actor, req: Request, res: Response, eventId: string, shown: { values: Record<string, unknown>; errors?: FormErrors | null; problem?: string }) {
    const event = await this.events.findVisible(actor, eventId);
    return this.pages.render(
      'event-message-new',
      pageContext(req, res, `${text(actor.locale, 'messages.new')}: ${event.title}`, {
        section: 'admin', event, ...shown, errors: shown.errors ?? undefined,
        ...filterChoices(actor.locale, shown.values, await this.audience.slotsOf(actor, event)),
      }),
    );
  }
}
