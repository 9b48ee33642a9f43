import { Body, Controller, Get, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Idempotency, IdempotencyRequest } from '../bookings/idempotency/idempotency';
import { IdempotentAnswer } from '../bookings/idempotency/booking-route';
import { StoredResponse } from '../bookings/idempotency/idempotency.service';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { EventMessageDto } from './dto/event-message.dto';
import { EventMessageListDto, EventMessageViewDto, MessagePreviewDto } from './dto/event-message-view.dto';
import { EventMessagesService } from './event-messages.service';

const SEND_ONCE = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'A unique key per message (e.g. a UUID). A retry with the same key sends nothing again and answers with the message ' +
    'first sent (header Idempotent-Replayed: true); a retry while the first request still runs waits for it; the same key ' +
    'with another message answers 422.',
};

/**
 * The organisers' messages to the bookers of an event. Organisers write them; partners read
 * what was sent and to whom, as they read everything else.
 */
@ApiTags('event-messages')
@Controller('api/v1/events/:eventId/messages')
export class EventMessagesController {
  constructor(private readonly messages: EventMessagesService) {}

  /** Whom the message would reach (organisations, people) and the mail in each language; sends nothing. */
  @Post('preview')
  @HttpCode(200)
  @Roles(Role.Organiser)
  preview(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: EventMessageDto): Promise<MessagePreviewDto> {
    return this.messages.preview(actor, eventId, body);
  }

  /** Sends the message through the outbox to everyone it reaches, each in their language. */
  @Post()
  @Roles(Role.Organiser)
  @ApiHeader(SEND_ONCE)
  @ApiCreatedResponse({ type: EventMessageViewDto, description: 'The message as sent; on a retry with the same key, as first sent.' })
  @UseInterceptors(IdempotentAnswer)
  async send(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Body() body: EventMessageDto,
    @Idempotency() request: IdempotencyRequest,
  ): Promise<StoredResponse<EventMessageViewDto>> {
    const sent = await this.messages.send(actor, eventId, body, request.key);
    return { status: 201, body: sent.message, replayed: sent.replayed };
  }

  /** The messages sent for the event, the newest first, with each recipient and the state of their mail. */
  @Get()
  @Roles(Role.Organiser, Role.Partner)
  async list(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string): Promise<EventMessageListDto> {
    return { items: await this.messages.list(actor, eventId) };
  }
}
