import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../../bookings/booking-engine.module';
import { CalendarModule } from '../../calendar/calendar.module';
import { EventsModule } from '../../events/events.module';
import { ExportsModule } from '../../exports/exports.module';
import { SchoolsModule } from '../../schools/schools.module';
import { WebModule } from '../../web/web.module';
import { EventClass } from './event-class.entity';
import { EventPeriod } from './event-period.entity';
import { EventRoom } from './event-room.entity';
import { SchoolDayBookingsController } from './school-day-bookings.controller';
import { SchoolDayBookingsService } from './school-day-bookings.service';
import { SchoolDayPagesController } from './school-day-pages.controller';
import { SchoolDayView } from './school-day-view';
import { SchoolDayController } from './school-day.controller';
import { SchoolDayService } from './school-day.service';
import { SchuleTrifftWirtschaftProgram } from './schule-trifft-wirtschaft.program';

/**
 * Schule trifft Wirtschaft: companies come to one school for a day and present in its
 * classes. Everything particular to it lives in this folder and is registered with the
 * shared parts at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([EventPeriod, EventClass, EventRoom]), EventsModule, ExportsModule, SchoolsModule, BookingEngineModule, CalendarModule, WebModule],
  controllers: [SchoolDayController, SchoolDayBookingsController, SchoolDayPagesController],
  providers: [SchuleTrifftWirtschaftProgram, SchoolDayView, SchoolDayService, SchoolDayBookingsService],
})
export class SchuleTrifftWirtschaftModule {}
