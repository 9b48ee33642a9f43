import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TZDate } from '@date-fns/tz';
import type { Locale } from '../../common/errors/error-messages';
import { AttendeeList, CellKind, neutralise } from '../attendee-list';
import { STATUS_WORDS } from '../cell-format';

/** Excel keeps no time zones: a Berlin wall-clock time is written as that clock time. */
function berlinClock(value: Date | string): Date {
  const zoned = new TZDate(new Date(value).getTime(), 'Europe/Berlin');
  return new Date(Date.UTC(zoned.getFullYear(), zoned.getMonth(), zoned.getDate(), zoned.getHours(), zoned.getMinutes()));
}

function cell(value: unknown, kind: CellKind = 'text', locale: Locale = 'de'): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (kind === 'status') return STATUS_WORDS[locale][String(value)] ?? neutralise(String(value));
  if (kind === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  if ((kind === 'datetime' || kind === 'time') && (value instanceof Date || typeof value === 'string')) return berlinClock(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return neutralise(String(value));
}

const FORMATS: Partial<Record<CellKind, string>> = { date: 'dd.mm.yyyy', datetime: 'dd.mm.yyyy hh:mm', time: 'hh:mm' };

/** An .xlsx with a bold header row that stays in view (frozen pane) and sensible widths, streamed. */
export async function writeXlsx(list: AttendeeList, locale: Locale, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Praxisnah';
  const sheet = workbook.addWorksheet(list.title[locale].slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = list.columns.map((c) => ({ key: c.key, width: c.width ?? 16, style: FORMATS[c.kind ?? 'text'] ? { numFmt: FORMATS[c.kind ?? 'text'] } : {} }));
  const header = sheet.addRow(list.columns.map((c) => c.header[locale]));
  header.font = { bold: true };
  header.commit();
  for await (const row of list.rows) {
    sheet.addRow(list.columns.map((c) => cell(row[c.key], c.kind, locale))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
