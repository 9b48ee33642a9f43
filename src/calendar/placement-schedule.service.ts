import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { placementDates } from './placement-dates';
import { SchoolHolidaysService } from './school-holidays.service';

export interface PlacementSeries {
  weekday: number;
  firstDate: string;
  lastDate: string;
  dailyStart: string;
  dailyEnd: string;
}

/**
 * The practice days of one weekly placement: every week on its weekday minus public
 * holidays, school holidays and the days recorded as cancelled. The one computation the
 * API's date list, the mails' calendar entries and the feeds all use.
 */
@Injectable()
export class PlacementScheduleService {
  constructor(private readonly holidays: SchoolHolidaysService) {}

  async of(manager: EntityManager, bookingId: string, series: PlacementSeries) {
    const cancelled: Array<{ day: string; reason: string }> = await manager.query(
      `SELECT day::text AS day, reason FROM placement_exceptions WHERE booking_id = $1 ORDER BY day`,
      [bookingId],
    );
    const schoolHolidays = await this.holidays.between(manager, series.firstDate, series.lastDate);
    return placementDates(
      { ...series, dailyStart: series.dailyStart.slice(0, 5), dailyEnd: series.dailyEnd.slice(0, 5) },
      { schoolHolidays, cancelled: cancelled.map((c) => ({ date: c.day, reason: c.reason })) },
    );
  }
}
