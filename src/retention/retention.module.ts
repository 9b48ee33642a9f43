import { Module } from '@nestjs/common';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Deleting pupils' data on schedule. */
@Module({ imports: [BookingEngineModule], controllers: [RetentionController], providers: [RetentionService], exports: [RetentionService] })
export class RetentionModule {}
