import { NextDatesDesk } from './next-dates.desk';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { BookingOccasions } from './booking-occasion';
import { CalendarFeed } from './calendar-feed.entity';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { PlacementScheduleService } from './placement-schedule.service';
import { SchoolHoliday } from './school-holiday.entity';
import { SchoolHolidaysController } from './school-holidays.controller';
import { SchoolHolidaysService } from './school-holidays.service';

/** Holidays, placement dates, and bookings as calendar entries. */
@Module({
  imports: [TypeOrmModule.forFeature([SchoolHoliday, CalendarFeed]), BookingEngineModule],
  controllers: [SchoolHolidaysController, CalendarFeedsController],
  providers: [SchoolHolidaysService, PlacementScheduleService, BookingOccasions, CalendarFeedsService, NextDatesDesk],
  exports: [SchoolHolidaysService, PlacementScheduleService, BookingOccasions, CalendarFeedsService],
})
export class CalendarModule {}
