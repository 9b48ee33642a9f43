import { Module } from '@nestjs/common';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { EventsModule } from '../events/events.module';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

@Module({ imports: [EventsModule, BookingEngineModule], controllers: [StatisticsController], providers: [StatisticsService], exports: [StatisticsService] })
export class StatisticsModule {}
