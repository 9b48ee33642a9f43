import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { Event } from './event.entity';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { ProgramRegistry } from './program-registry';
import { EventsDesk } from './events.desk';
import { EventCopies } from './event-copies.service';

/** Events of every program, their status and who sees them; the registry the programs fill. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Event]),
    BookingEngineModule,
  ],
  controllers: [EventsController],
  providers: [EventsDesk, EventsService, EventCopies, ProgramRegistry],
  exports: [EventsService, EventCopies, ProgramRegistry],
})
export class EventsModule {}
