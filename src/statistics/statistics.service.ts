import { Injectable } from '@nestjs/common';
import { BookingFigures } from '../bookings/booking-figures';
import { StatisticsQuery } from './statistics.query';

/**
 * Figures for organisers and partners, from the read model of the booking tables: per event,
 * per slot or offer, per district, school, occupational field and school year.
 */
@Injectable()
export class StatisticsService {
  constructor(private readonly figures: BookingFigures) {}

  overview(query: StatisticsQuery) {
    return this.figures.overview(query);
  }

  ofEvent(eventId: string) {
    return this.figures.ofEvent(eventId);
  }
}
