import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { WebModule } from '../web/web.module';
import { EventMessagePagesController } from './event-message-pages.controller';
import { EventMessageRecipient } from './event-message-recipient.entity';
import { EventMessage } from './event-message.entity';
import { EventMessagesController } from './event-messages.controller';
import { EventMessagesService } from './event-messages.service';
import { MessageAudience } from './message-audience';
import { MessageMails } from './message-mails';
import { MessagePagesSetup } from './message-pages.setup';

/**
 * The organisers' messages to the bookers of an event: chosen by state, time slot and side,
 * sent through the outbox to each person in their language, and kept with their recipients.
 */
@Module({
  imports: [TypeOrmModule.forFeature([EventMessage, EventMessageRecipient]), EventsModule, WebModule],
  controllers: [EventMessagesController, EventMessagePagesController],
  providers: [EventMessagesService, MessageAudience, MessageMails, MessagePagesSetup],
})
export class MessagesModule {}
