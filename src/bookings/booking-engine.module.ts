import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Bookable } from './bookable.entity';
import { BookingChange } from './booking-change.entity';
import { BookingEngine } from './booking-engine';
import { BookingReads } from './booking-reads';
import { Booking } from './booking.entity';
import { IdempotencyService } from './idempotency/idempotency.service';

/** The engine every program books through, the read model beside it, and idempotent request handling. */
@Module({
  imports: [TypeOrmModule.forFeature([Booking, BookingChange, Bookable])],
  providers: [BookingEngine, BookingReads, IdempotencyService],
  exports: [BookingEngine, BookingReads, IdempotencyService, TypeOrmModule],
})
export class BookingEngineModule {}
