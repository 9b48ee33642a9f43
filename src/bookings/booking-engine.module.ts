import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceReads } from './attendance-reads';
import { Bookable } from './bookable.entity';
import { BookingChange } from './booking-change.entity';
import { BookingEngine } from './booking-engine';
import { BookingFigures } from './booking-figures';
import { BookingKinds } from './booking-kinds';
import { BookingReads } from './booking-reads';
import { BookingSearch } from './booking-search';
import { Booking } from './booking.entity';
import { IdempotencyService } from './idempotency/idempotency.service';

/** The engine every program books through, the read model beside it, and idempotent request handling. */
@Module({
  imports: [TypeOrmModule.forFeature([Booking, BookingChange, Bookable])],
  providers: [BookingEngine, BookingKinds, BookingReads, BookingSearch, BookingFigures, AttendanceReads, IdempotencyService],
  exports: [BookingEngine, BookingKinds, BookingReads, BookingSearch, BookingFigures, AttendanceReads, IdempotencyService, TypeOrmModule],
})
export class BookingEngineModule {}
