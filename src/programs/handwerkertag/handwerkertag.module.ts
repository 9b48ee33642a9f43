import { Module } from '@nestjs/common';
import { BookingEngineModule } from '../../bookings/booking-engine.module';
import { EventsModule } from '../../events/events.module';
import { SchoolsModule } from '../../schools/schools.module';
import { HandwerkertagProgram } from './handwerkertag.program';

/** Everything particular to the Handwerkertag, registered with the shared parts at start. */
@Module({
  imports: [EventsModule, SchoolsModule, BookingEngineModule],
  providers: [HandwerkertagProgram],
})
export class HandwerkertagModule {}
