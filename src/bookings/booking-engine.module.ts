import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Bookable } from './bookable.entity';
import { BookingChange } from './booking-change.entity';
import { BookingEngine } from './booking-engine';
import { Booking } from './booking.entity';
import { IdempotencyService } from './idempotency/idempotency.service';
import { PlacementException } from './placement-exception.entity';

/** The engine every program books through, and idempotent request handling. */
@Module({
  imports: [TypeOrmModule.forFeature([Booking, BookingChange, Bookable, PlacementException])],
  providers: [BookingEngine, IdempotencyService],
  exports: [BookingEngine, IdempotencyService, TypeOrmModule],
})
export class BookingEngineModule {}
