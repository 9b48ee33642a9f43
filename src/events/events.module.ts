import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { Event } from './event.entity';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { OfferWeekday } from './offer-weekday.entity';
import { ProgramRegistry } from './program-registry';
import { PracticumOffer } from './practicum-offer.entity';
import { PracticumOffersController } from './practicum-offers.controller';
import { PracticumOffersService } from './practicum-offers.service';

/** Events of the three programs and what can be booked in them. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Event, PracticumOffer, OfferWeekday]),
    BookingEngineModule,
  ],
  controllers: [EventsController, PracticumOffersController],
  providers: [EventsService, PracticumOffersService, ProgramRegistry],
  exports: [EventsService, ProgramRegistry, PracticumOffersService],
})
export class EventsModule {}
