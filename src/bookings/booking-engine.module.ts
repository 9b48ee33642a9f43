import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Bookable } from './bookable.entity';
import { BookingChange } from './booking-change.entity';
import { BookingEngine } from './booking-engine';
import { BookingFigures } from './booking-figures';
import { BookingKinds } from './booking-kinds';
import { BookingReads } from './booking-reads';
import { Booking } from './booking.entity';
import { IdempotencyService } from './idempotency/idempotency.service';

/** The engine every program books through, the read model beside it, and idempotent request handling. */
@Module({
  imports: [TypeOrmModule.forFeature([Booking, BookingChange, Bookable])],
  providers: [BookingEngine, BookingKinds, BookingReads, BookingFigures, IdempotencyService],
  exports: [BookingEngine, BookingKinds, BookingReads, BookingFigures, IdempotencyService, TypeOrmModule],
})
export class BookingEngineModule {}
