import { TZDate } from '@date-fns/tz';
import { addDays, dateParts, IsoDate } from '../calendar/iso-date';
import { BERLIN, calendarDateAt, instantOfWallClock } from '../calendar/zoned-time';

/**
 * Moves an event's dates by whole days, as a person would on a wall calendar: 08:30 stays
 * 08:30 in Germany even when the summer-time change lies between the two dates (adding
 * 24-hour days to the instant would make it 07:30 or 09:30).
 */
export class DateShift {
  constructor(readonly days: number) {}

  static between(from: IsoDate, to: IsoDate): DateShift {
    const day = (date: IsoDate) => {
      const { year, month, day } = dateParts(date);
      return Date.UTC(year, month - 1, day) / 86_400_000;
    };
    return new DateShift(Math.round(day(to) - day(from)));
  }

  date(date: IsoDate): IsoDate {
    return addDays(date, this.days);
  }

  instant(instant: Date): Date {
    const wall = new TZDate(instant.getTime(), BERLIN);
    return instantOfWallClock(this.date(calendarDateAt(instant)), { hour: wall.getHours(), minute: wall.getMinutes(), second: wall.getSeconds() });
  }

  /** "Handwerkertag 2027" → "Handwerkertag 2028", "2026/27" → "2027/28": years move with the dates. */
  title(title: string): string {
    const years = Math.round(this.days / 365.25);
    if (years === 0) return title;
    return title
      .replace(/\b(20\d{2})\/(\d{2})\b/g, (_all, first: string) => `${Number(first) + years}/${String((Number(first) + years + 1) % 100).padStart(2, '0')}`)
      .replace(/\b(20\d{2})\b(?!\/)/g, (year: string) => String(Number(year) + years));
  }
}
