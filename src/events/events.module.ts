import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { EventClass } from './event-class.entity';
import { EventPeriod } from './event-period.entity';
import { EventRoom } from './event-room.entity';
import { Event } from './event.entity';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { OfferWeekday } from './offer-weekday.entity';
import { ProgramRegistry } from './program-registry';
import { PracticumOffer } from './practicum-offer.entity';
import { PracticumOffersController } from './practicum-offers.controller';
import { PracticumOffersService } from './practicum-offers.service';
import { SchoolDayController } from './school-day.controller';
import { SchoolDayService } from './school-day.service';

/** Events of the three programs and what can be booked in them. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Event, EventPeriod, EventClass, EventRoom, PracticumOffer, OfferWeekday]),
    BookingEngineModule,
  ],
  controllers: [EventsController, SchoolDayController, PracticumOffersController],
  providers: [EventsService, SchoolDayService, PracticumOffersService, ProgramRegistry],
  exports: [EventsService, ProgramRegistry, SchoolDayService, PracticumOffersService],
})
export class EventsModule {}
