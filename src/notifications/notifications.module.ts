import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BOOKING_CHANGE_LISTENER } from '../bookings/booking-change-listener';
import { CalendarModule } from '../calendar/calendar.module';
import { AccountMails } from './account-mails';
import { BookingNotifier } from './booking-notifier';
import { OutboxMail } from './outbox-mail.entity';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';
import { Reminders } from './reminders';

/**
 * Mail that is never lost: written to the outbox in the transaction of the change that
 * causes it, sent by the worker. Global, so that any feature can write mail.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMail]), CalendarModule],
  controllers: [OutboxController],
  providers: [
    OutboxService,
    OutboxWorker,
    AccountMails,
    Reminders,
    BookingNotifier,
    { provide: BOOKING_CHANGE_LISTENER, useExisting: BookingNotifier },
  ],
  exports: [OutboxService, AccountMails, OutboxWorker, Reminders, BOOKING_CHANGE_LISTENER],
})
export class NotificationsModule {}
