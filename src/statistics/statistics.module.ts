import { Module } from '@nestjs/common';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { EventsModule } from '../events/events.module';
import { StatisticsCharts } from './statistics-charts';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

@Module({
  imports: [EventsModule, BookingEngineModule],
  controllers: [StatisticsController],
  providers: [StatisticsService, StatisticsCharts],
  exports: [StatisticsService, StatisticsCharts],
})
export class StatisticsModule {}
