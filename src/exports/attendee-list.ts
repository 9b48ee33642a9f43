import type { DataSource } from 'typeorm';
import type { ListQuery } from './list-filters';
import type { Locale } from '../common/errors/error-messages';

/** `status`: a booking's status, written as a word in the reader's language. */
export type CellKind = 'text' | 'number' | 'date' | 'datetime' | 'time' | 'status';

export interface Column {
  key: string;
  header: Record<Locale, string>;
  /** Width in characters (xlsx) */
  width?: number;
  kind?: CellKind;
}

/** A list as every format writes it: a title, columns, and rows that arrive as a stream. */
export interface AttendeeList {
  /** File name without extension, e.g. "staende". */
  name: string;
  title: Record<Locale, string>;
  columns: Column[];
  rows: AsyncIterable<Record<string, unknown>>;
}

/** A text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Builds a list of an event; the rows come as a stream from a cursor. */
export type ListBuilder = (dataSource: DataSource, eventId: string, query: ListQuery) => AttendeeList | Promise<AttendeeList>;
