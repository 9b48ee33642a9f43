import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../../bookings/booking-engine.module';
import { BookingsModule } from '../../bookings/bookings.module';
import { CalendarModule } from '../../calendar/calendar.module';
import { EventsModule } from '../../events/events.module';
import { ExportsModule } from '../../exports/exports.module';
import { SchoolsModule } from '../../schools/schools.module';
import { WebModule } from '../../web/web.module';
import { OfferPagesController } from './offer-pages.controller';
import { OfferWeekday } from './offer-weekday.entity';
import { PlacementException } from './placement-exception.entity';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';
import { PracticumOffer } from './practicum-offer.entity';
import { PracticumOffersController } from './practicum-offers.controller';
import { PracticumOffersService } from './practicum-offers.service';
import { PraxistagePagesController } from './praxistage-pages.controller';
import { PraxistageProgram } from './praxistage.program';

/**
 * The Praxistage: pupils spend one day a week in a company, on practicum offers with places
 * per weekday. Everything particular to them lives in this folder and is registered with
 * the shared parts at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PracticumOffer, OfferWeekday, PlacementException]), EventsModule, ExportsModule, SchoolsModule, BookingEngineModule, BookingsModule, CalendarModule, WebModule],
  controllers: [PracticumOffersController, PlacementsController, PraxistagePagesController, OfferPagesController],
  providers: [PraxistageProgram, PracticumOffersService, PlacementsService],
})
export class PraxistageModule {}
