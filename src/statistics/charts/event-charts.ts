import type { Locale } from '../../common/errors/error-messages';
import { formatDate, formatDateTime } from '../../common/time/berlin';
import type { BookableFiguresDto, BookingsPerDayDto } from '../dto/statistics.dto';
import { barChart } from './bar-chart';
import { chartView, ChartView, csvHref, formatNumber, MAX_BARS, percentOf, percentText, row, say } from './chart-view';
import { lineChart } from './line-chart';
import { highest } from './overview-charts';

interface Place {
  label: string;
  capacity: number;
  booked: number;
  waitlisted: number;
}

/**
 * What a bookable is called on the event's page: a time slot by its start, the stands as
 * such, an offer's weekday by company, field and day. A year's phase places are counted
 * per phase and occupational field: a year has hundreds of them, one bar each would say little.
 */
function placesOf(rows: BookableFiguresDto[], locale: Locale): Place[] {
  const places = new Map<string, Place>();
  for (const r of rows) {
    const label =
      r.kind === 'time_slot' && r.startsAt
        ? formatDateTime(r.startsAt, locale)
        : r.kind === 'stands'
          ? say(locale, 'chart.slots.stands')
          : r.kind === 'phase_place'
            ? `${say(locale, 'chart.col.phase', { number: r.phase ?? '?' })} · ${r.occupationalField ?? ''}`
            : [r.company, r.occupationalField, r.weekday ? say(locale, `weekday.${r.weekday}`) : null].filter(Boolean).join(' · ');
    const key = r.kind === 'phase_place' ? label : r.id;
    const place = places.get(key) ?? { label, capacity: 0, booked: 0, waitlisted: 0 };
    place.capacity += r.capacity;
    place.booked += r.booked;
    place.waitlisted += r.waitlisted;
    places.set(key, place);
  }
  return [...places.values()];
}

/** How full each time slot, the stands or each practicum place of one event is. */
export function slotChart(rows: BookableFiguresDto[], locale: Locale, eventId: string): ChartView {
  const heading = say(locale, 'chart.slots');
  const places = placesOf(rows, locale);
  const share = (p: Place) => percentOf(p.capacity > 0 ? p.booked / p.capacity : null);
  const bars = places.slice(0, MAX_BARS).map((p) => ({
    label: p.label,
    value: share(p) ?? 0,
    valueText: `${formatNumber(p.booked, locale)} / ${formatNumber(p.capacity, locale)}`,
  }));
  const drawn = places.some((p) => p.booked > 0 || p.waitlisted > 0);
  return chartView(locale, 'slots', {
    heading,
    description: say(locale, 'chart.slots.text'),
    columns: ['place', 'capacity', 'booked', 'fillRate', 'waitlisted'].map((c) => say(locale, `chart.col.${c}`)),
    rows: places.map((p) => row(locale, p.label, [p.capacity, p.booked, share(p), p.waitlisted])),
    svg: drawn
      ? barChart({
          id: 'svg-slots',
          title: heading,
          description: highest(locale, bars.map((b) => ({ ...b, valueText: percentText(b.value, locale) }))),
          bars,
          atLeast: 100,
          tickText: (v) => percentText(v, locale),
        })
      : undefined,
    note: drawn && places.length > MAX_BARS ? say(locale, 'chart.more', { shown: MAX_BARS, count: places.length }) : undefined,
    empty: say(locale, places.length ? 'chart.noBookings' : 'chart.slots.empty'),
    csvHref: csvHref('slots', { eventId }),
  });
}

/** How the confirmed bookings of one event grew during its registration, day by day. */
export function bookingsPerDayChart(figures: BookingsPerDayDto, locale: Locale): ChartView {
  const heading = say(locale, 'chart.perDay');
  const { days } = figures;
  const drawn = days.some((d) => d.total > 0 || d.confirmed > 0 || d.withdrawn > 0);
  const dayText = (date: string) => formatDate(date, locale);
  // under the axis a short date: "12.03." or "12/03"
  const shortDay = (date: string) => (locale === 'de' ? `${date.slice(8, 10)}.${date.slice(5, 7)}.` : `${date.slice(8, 10)}/${date.slice(5, 7)}`);
  const last = days[days.length - 1];
  return chartView(locale, 'bookings-per-day', {
    heading,
    description: say(locale, 'chart.perDay.text'),
    columns: ['day', 'newlyConfirmed', 'withdrawn', 'total'].map((c) => say(locale, `chart.col.${c}`)),
    rows: days.map((d) => row(locale, dayText(d.date), [d.confirmed, d.withdrawn, d.total])),
    svg: drawn
      ? lineChart({
          id: 'svg-bookings-per-day',
          title: heading,
          description: say(locale, 'chart.perDay.summary', { first: dayText(days[0].date), last: dayText(last.date), total: formatNumber(last.total, locale) }),
          days: days.map((d) => ({ date: d.date, value: d.total })),
          dayText: shortDay,
          valueText: (v) => formatNumber(v, locale),
        })
      : undefined,
    empty: say(locale, days.length ? 'chart.noBookings' : 'chart.perDay.notOpen'),
    csvHref: csvHref('bookings-per-day', { eventId: figures.eventId }),
  });
}
