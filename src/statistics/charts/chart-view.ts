import type { Locale } from '../../common/errors/error-messages';
import { texts } from '../../web/i18n/texts';

/** The charts of the statistics page, each with its figures as a table and a CSV file. */
export const OVERVIEW_CHARTS = ['fill-rate', 'districts', 'school-types', 'occupational-fields', 'school-years', 'attendance'] as const;
/** The charts of one event, on the event's page. */
export const EVENT_CHARTS = ['slots', 'bookings-per-day'] as const;
export type ChartName = (typeof OVERVIEW_CHARTS)[number] | (typeof EVENT_CHARTS)[number];

/** A figure of a table: a number, a text, or nothing (shown as "–", an empty cell in CSV). */
export type Figure = string | number | null;

export interface ChartRow {
  /** What the row is about: an event, a district, a day. */
  head: string;
  /** Where more about it is, e.g. the event's page. */
  href?: string;
  figures: Figure[];
  /** The figures as the page shows them, numbers grouped the reader's way (and set right). */
  shown: Array<{ text: string; numeric: boolean }>;
}

/**
 * One chart as a page shows it: heading and description, the drawing (absent when there is
 * nothing to draw, and the empty state is said instead), and the same figures as a table.
 */
export interface ChartView {
  name: ChartName;
  /** The HTML id of its section; the SVG's title and description ids derive from it. */
  id: string;
  heading: string;
  description: string;
  svg?: string;
  /** Said under the drawing, e.g. that it shows only the first bars. */
  note?: string;
  empty: string;
  /** The names of the drawing's scrolling frame and of the table, for the reader's landmarks. */
  pictureLabel: string;
  tableLabel: string;
  /** The column headers; the first one is the rows' head. */
  columns: string[];
  rows: ChartRow[];
  /** Whether the table has anything to say (all zeros would say nothing). */
  hasTable: boolean;
  csvHref: string;
  csvLabel: string;
}

/** The text of a key in the reader's language, with `{name}` placeholders filled in. */
export function say(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  let result = texts[locale][key] ?? texts.de[key] ?? key;
  for (const [name, value] of Object.entries(values)) result = result.split(`{${name}}`).join(String(value));
  return result;
}

const NUMBERS = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };
export const formatNumber = (value: number, locale: Locale) => NUMBERS[locale].format(value);
/** A share as whole percent, as the tables and CSV files give it. */
export const percentOf = (share: number | null) => (share === null ? null : Math.round(share * 100));
export const percentText = (value: number, locale: Locale) => `${formatNumber(value, locale)} %`;

export function row(locale: Locale, head: string, figures: Figure[], href?: string): ChartRow {
  const shown = figures.map((f) => ({ text: f === null ? '–' : typeof f === 'number' ? formatNumber(f, locale) : f, numeric: typeof f === 'number' }));
  return { head, href, figures, shown };
}

/** A chart is drawn this many bars at most; the table beside it lists every row. */
export const MAX_BARS = 40;

/** What every chart view has; each builder adds its drawing and rows. */
export function chartView(
  locale: Locale,
  name: ChartName,
  parts: { heading: string; description: string; columns: string[]; rows: ChartRow[]; svg?: string; note?: string; empty: string; csvHref: string },
): ChartView {
  return {
    name,
    id: `chart-${name}`,
    pictureLabel: say(locale, 'chart.picture', { heading: parts.heading }),
    tableLabel: say(locale, 'chart.table', { heading: parts.heading }),
    hasTable: parts.rows.some((r) => r.figures.some((f) => typeof f === 'number' && f > 0)),
    csvLabel: say(locale, 'chart.csv'),
    ...parts,
  };
}

/** The address of a chart's CSV file, with the selection the page shows. */
export function csvHref(name: ChartName, selection: Record<string, string | undefined>): string {
  const query = new URLSearchParams({ chart: name });
  for (const [key, value] of Object.entries(selection)) if (value) query.set(key, value);
  return `/verwaltung/statistik.csv?${query}`;
}
