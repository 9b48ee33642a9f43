import type { Locale } from '../../common/errors/error-messages';
import { PROGRAMS } from '../../events/event-status';
import { DISTRICT_KEYS, DISTRICTS, SCHOOL_TYPE_KEYS } from '../../organisations/region';
import type { StatisticsOverviewDto } from '../dto/statistics.dto';
import type { StatisticsFilter } from '../statistics.query';
import { barChart } from './bar-chart';
import { chartView, ChartView, csvHref, formatNumber, MAX_BARS, percentOf, percentText, row, say } from './chart-view';
import { attendanceChart } from './attendance-chart';
import { groupedBarChart } from './grouped-bar-chart';
import { PALETTE } from './svg';

const SVG_ID = (name: string) => `svg-${name}`;
const count = (locale: Locale) => (value: number) => formatNumber(value, locale);
/** The SVG's description: the highest bar, in words (the table beside gives every figure). */
export function highest(locale: Locale, bars: Array<{ label: string; valueText: string; value: number }>): string {
  const top = bars.reduce<(typeof bars)[number] | undefined>((a, b) => (!a || b.value > a.value ? b : a), undefined);
  return top ? say(locale, 'chart.highest', { label: top.label, value: top.valueText }) : '';
}
const moreNote = (locale: Locale, count: number) => (count > MAX_BARS ? say(locale, 'chart.more', { shown: MAX_BARS, count }) : undefined);

/** How full each event is: a bar per event with places, all events in the table. */
export function fillRateChart(figures: StatisticsOverviewDto, locale: Locale, filter: StatisticsFilter): ChartView {
  const heading = say(locale, 'chart.fillRate');
  const description = say(locale, 'chart.fillRate.text');
  const rows = figures.events.map((e) =>
    row(
      locale,
      e.title,
      [e.schoolYear, say(locale, `program.${e.program}`), say(locale, `eventStatus.${e.status}`), e.capacity, e.booked, percentOf(e.fillRate), e.bookingsByStatus.confirmed ?? 0, e.waitlisted],
      `/verwaltung/veranstaltungen/${e.id}`,
    ),
  );
  const withPlaces = figures.events.filter((e) => e.fillRate !== null);
  const bars = withPlaces.slice(0, MAX_BARS).map((e) => {
    const value = percentOf(e.fillRate)!;
    return { label: `${e.title} (${e.schoolYear})`, value, valueText: percentText(value, locale) };
  });
  const drawn = figures.events.some((e) => e.booked > 0);
  return chartView(locale, 'fill-rate', {
    heading,
    description,
    columns: ['event', 'schoolYear', 'program', 'status', 'capacity', 'booked', 'fillRate', 'confirmed', 'waitlisted'].map((c) => say(locale, `chart.col.${c}`)),
    rows,
    svg: drawn ? barChart({ id: SVG_ID('fill-rate'), title: heading, description: highest(locale, bars), bars, atLeast: 100, tickText: (v) => percentText(v, locale) }) : undefined,
    note: drawn ? moreNote(locale, withPlaces.length) : undefined,
    empty: say(locale, 'chart.noBookings'),
    csvHref: csvHref('fill-rate', { ...filter }),
  });
}

/**
 * Pupils per district or school type, every district and type listed (a zero is a figure
 * too), drawn once anyone took part.
 */
function participationChart(
  locale: Locale,
  filter: StatisticsFilter,
  name: 'districts' | 'school-types',
  heading: string,
  entries: Array<{ label: string; pupils: number; figures: number[] }>,
  columns: string[],
): ChartView {
  const bars = entries.map((e) => ({ label: e.label, value: e.pupils, valueText: formatNumber(e.pupils, locale) }));
  const drawn = bars.some((b) => b.value > 0);
  const description = say(locale, name === 'districts' ? 'chart.districts.text' : 'chart.schoolTypes.text');
  return chartView(locale, name, {
    heading,
    description,
    columns: columns.map((c) => say(locale, `chart.col.${c}`)),
    rows: entries.map((e) => row(locale, e.label, e.figures)),
    svg: drawn ? barChart({ id: SVG_ID(name), title: heading, description: highest(locale, bars), bars, tickText: count(locale) }) : undefined,
    empty: say(locale, 'chart.noBookings'),
    csvHref: csvHref(name, { ...filter }),
  });
}

export function districtChart(figures: StatisticsOverviewDto, locale: Locale, filter: StatisticsFilter): ChartView {
  const of = new Map(figures.participation.byDistrict.map((d) => [d.district, d]));
  const keys = [...DISTRICT_KEYS, ...[...of.keys()].filter((k) => !(DISTRICT_KEYS as string[]).includes(k))];
  const entries = keys.map((key) => {
    const d = of.get(key) ?? { schools: 0, companies: 0, pupils: 0, bookings: 0 };
    return { label: DISTRICTS[key as keyof typeof DISTRICTS] ?? String(key), pupils: d.pupils, figures: [d.schools, d.companies, d.pupils, d.bookings] };
  });
  return participationChart(locale, filter, 'districts', say(locale, 'chart.districts'), entries, ['district', 'schools', 'companies', 'pupils', 'bookings']);
}

export function schoolTypeChart(figures: StatisticsOverviewDto, locale: Locale, filter: StatisticsFilter): ChartView {
  const of = new Map(figures.participation.bySchoolType.map((s) => [s.schoolType, s]));
  const entries = SCHOOL_TYPE_KEYS.map((key) => {
    const s = of.get(key) ?? { schools: 0, pupils: 0, bookings: 0 };
    return { label: say(locale, `schoolType.${key}`), pupils: s.pupils, figures: [s.schools, s.pupils, s.bookings] };
  });
  return participationChart(locale, filter, 'school-types', say(locale, 'chart.schoolTypes'), entries, ['schoolType', 'schools', 'pupils', 'bookings']);
}

/** Placements per occupational field, the most taken first. */
export function occupationalFieldChart(figures: StatisticsOverviewDto, locale: Locale, filter: StatisticsFilter): ChartView {
  const heading = say(locale, 'chart.fields');
  const fields = [...figures.participation.byOccupationalField].sort((a, b) => b.placements - a.placements || a.occupationalField.localeCompare(b.occupationalField, 'de'));
  const bars = fields.slice(0, MAX_BARS).map((f) => ({ label: f.occupationalField, value: f.placements, valueText: formatNumber(f.placements, locale) }));
  const drawn = bars.some((b) => b.value > 0);
  return chartView(locale, 'occupational-fields', {
    heading,
    description: say(locale, 'chart.fields.text'),
    columns: ['field', 'offers', 'places', 'placements'].map((c) => say(locale, `chart.col.${c}`)),
    rows: fields.map((f) => row(locale, f.occupationalField, [f.offers, f.places, f.placements])),
    svg: drawn ? barChart({ id: SVG_ID('occupational-fields'), title: heading, description: highest(locale, bars), bars, tickText: count(locale) }) : undefined,
    note: drawn ? moreNote(locale, fields.length) : undefined,
    empty: say(locale, fields.length ? 'chart.noBookings' : 'chart.fields.empty'),
    csvHref: csvHref('occupational-fields', { ...filter }),
  });
}

/** Confirmed bookings per program, one bar per school year side by side (the latest few). */
export function schoolYearChart(figures: StatisticsOverviewDto, locale: Locale, filter: StatisticsFilter): ChartView {
  const heading = say(locale, 'chart.years');
  const figuresOf = figures.bySchoolYearAndProgram;
  const years = [...new Set(figuresOf.map((f) => f.schoolYear))].sort().slice(-PALETTE.length);
  const programs = PROGRAMS.filter((p) => figuresOf.some((f) => f.program === p));
  const value = (program: string, year: string) => figuresOf.find((f) => f.program === program && f.schoolYear === year)?.confirmedBookings ?? 0;
  const series = years.map((year) => ({ name: year, values: programs.map((p) => value(p, year)) }));
  const drawn = series.some((s) => s.values.some((v) => v > 0));
  const rows = programs.flatMap((p) =>
    figuresOf.filter((f) => f.program === p).map((f) => row(locale, say(locale, `program.${p}`), [f.schoolYear, f.events, f.confirmedBookings, f.persons])),
  );
  return chartView(locale, 'school-years', {
    heading,
    description: say(locale, 'chart.years.text'),
    columns: ['program', 'schoolYear', 'events', 'confirmedBookings', 'persons'].map((c) => say(locale, `chart.col.${c}`)),
    rows,
    svg: drawn
      ? groupedBarChart({
          id: SVG_ID('school-years'),
          title: heading,
          description: say(locale, 'chart.years.summary', { years: years.join(', ') }),
          groups: programs.map((p) => say(locale, `program.${p}`)),
          series,
          valueText: count(locale),
        })
      : undefined,
    empty: say(locale, 'chart.noBookings'),
    csvHref: csvHref('school-years', { ...filter }),
  });
}

export const OVERVIEW_CHART_BUILDERS = {
  'fill-rate': fillRateChart,
  districts: districtChart,
  'school-types': schoolTypeChart,
  'occupational-fields': occupationalFieldChart,
  'school-years': schoolYearChart,
  attendance: attendanceChart,
} as const;
