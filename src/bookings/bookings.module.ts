import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EventsModule } from '../events/events.module';
import { BookingEngineModule } from './booking-engine.module';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { BookingsDesk } from './bookings.desk';

/** Bookings whatever their program: seeing them, their history, confirming, rejecting, cancelling. */
@Module({
  imports: [BookingEngineModule, EventsModule, CalendarModule],
  controllers: [BookingsController],
  providers: [BookingsDesk, BookingsService],
  exports: [BookingsService],
})
export class BookingsModule {}
