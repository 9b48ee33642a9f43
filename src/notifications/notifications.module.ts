import { Global, Module } from '@nestjs/common';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { AccountMails } from './account-mails';
import { BookingChangeMails } from './booking-change-mails';
import { OutboxMail } from './outbox-mail.entity';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';
import { Reminders } from './reminders';
import { OutboxDesk } from './outbox.desk';

/**
 * Mail that is never lost: written to the outbox in the transaction of the change that
 * causes it — booking mails from the history row that transaction left, right after it —
 * and sent by the worker. Global, so that any feature can write mail.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMail]), CalendarModule, BookingEngineModule],
  controllers: [OutboxController],
  providers: [OutboxDesk, OutboxService, OutboxWorker, AccountMails, Reminders, BookingChangeMails],
  exports: [OutboxService, AccountMails, OutboxWorker, Reminders],
})
export class NotificationsModule {}
