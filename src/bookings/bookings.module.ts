import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EventsModule } from '../events/events.module';
import { BookingEngineModule } from './booking-engine.module';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { HandwerkertagController } from './handwerkertag.controller';
import { HandwerkertagService } from './handwerkertag.service';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';
import { SchoolDayBookingsController } from './school-day-bookings.controller';
import { SchoolDayBookingsService } from './school-day-bookings.service';

/** Booking in all three programs, through the one engine. */
@Module({
  imports: [BookingEngineModule, EventsModule, CalendarModule],
  controllers: [BookingsController, HandwerkertagController, SchoolDayBookingsController, PlacementsController],
  providers: [BookingsService, HandwerkertagService, SchoolDayBookingsService, PlacementsService],
  exports: [BookingsService, HandwerkertagService, SchoolDayBookingsService, PlacementsService],
})
export class BookingsModule {}
