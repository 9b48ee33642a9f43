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
    return (await this.ofMany(manager, [{ ...series, bookingId }])).get(bookingId)!;
  }

  /** The practice days of many placements (a feed, a batch of mails) in two queries, not two each. */
  async ofMany(manager: EntityManager, placements: Array<PlacementSeries & { bookingId: string }>) {
    const schedules = new Map<string, ReturnType<typeof placementDates>>();
    if (placements.length === 0) return schedules;
    const cancelled: Array<{ booking_id: string; day: string; reason: string }> = await manager.query(
      `SELECT booking_id, day::text AS day, reason FROM placement_exceptions WHERE booking_id = ANY($1::uuid[]) ORDER BY day`,
      [placements.map((p) => p.bookingId)],
    );
    // school holidays outside a placement's own weeks change none of its days
    const schoolHolidays = await this.holidays.between(
      manager,
      placements.map((p) => p.firstDate).reduce((a, b) => (a < b ? a : b)),
      placements.map((p) => p.lastDate).reduce((a, b) => (a > b ? a : b)),
    );
    for (const series of placements) {
      const own = cancelled.filter((c) => c.booking_id === series.bookingId).map((c) => ({ date: c.day, reason: c.reason }));
      schedules.set(
        series.bookingId,
        placementDates(
          { ...series, dailyStart: series.dailyStart.slice(0, 5), dailyEnd: series.dailyEnd.slice(0, 5) },
          { schoolHolidays, cancelled: own },
        ),
      );
    }
    return schedules;
  }
}
