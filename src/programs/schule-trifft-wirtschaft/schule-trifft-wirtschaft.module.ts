import { Module } from '@nestjs/common';
import { BookingsModule } from '../../bookings/bookings.module';
import { EventsModule } from '../../events/events.module';
import { SchoolsModule } from '../../schools/schools.module';
import { SchoolDayView } from './school-day-view';
import { SchuleTrifftWirtschaftProgram } from './schule-trifft-wirtschaft.program';

/** Everything particular to Schule trifft Wirtschaft, registered with the shared parts at start. */
@Module({
  imports: [EventsModule, BookingsModule, SchoolsModule],
  providers: [SchuleTrifftWirtschaftProgram, SchoolDayView],
})
export class SchuleTrifftWirtschaftModule {}
