import { Injectable } from '@nestjs/common';
import { BookingFigures } from '../bookings/booking-figures';
import { BookableFiguresDto, BookingsPerDayDto, StatisticsOverviewDto } from './dto/statistics.dto';
import { StatisticsQuery } from './statistics.query';

/**
 * Figures for organisers and partners, from the read model of the booking tables: per event,
 * per slot or offer, per district, school, school type, occupational field and school year,
 * and how the bookings of one event grew while its registration was open.
 */
@Injectable()
export class StatisticsService {
  constructor(private readonly figures: BookingFigures) {}

  overview(query: StatisticsQuery): Promise<StatisticsOverviewDto> {
    return this.figures.overview(query);
  }

  ofEvent(eventId: string): Promise<BookableFiguresDto[]> {
    return this.figures.ofEvent(eventId);
  }

  async bookingsPerDay(eventId: string): Promise<BookingsPerDayDto> {
    return { eventId, days: await this.figures.bookingsPerDay(eventId) };
  }

  /** The school years there are figures for, newest first. */
  schoolYears(): Promise<string[]> {
    return this.figures.schoolYears();
  }
}
