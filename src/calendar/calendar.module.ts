import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchoolHoliday } from './school-holiday.entity';
import { SchoolHolidaysController } from './school-holidays.controller';
import { SchoolHolidaysService } from './school-holidays.service';

/** Holidays and dates; later also .ics building and feeds. */
@Module({
  imports: [TypeOrmModule.forFeature([SchoolHoliday])],
  controllers: [SchoolHolidaysController],
  providers: [SchoolHolidaysService],
  exports: [SchoolHolidaysService],
})
export class CalendarModule {}
