import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Locale } from '../../common/errors/error-messages';
import { AttendeeList } from '../attendee-list';
import { cellText } from '../cell-format';

/**
 * CSV as German Excel opens it by double-click: UTF-8 with BOM, semicolons, German dates.
 * Written row by row with back-pressure, so a long list never sits in memory.
 */
export async function writeCsv(list: AttendeeList, locale: Locale, out: Writable): Promise<void> {
  const csv = stringify({ delimiter: ';', bom: true, record_delimiter: 'windows', quoted_match: /[;"\n\r]/ });
  csv.pipe(out);
  const put = async (record: string[]) => {
    if (!csv.write(record)) await once(csv, 'drain');
  };
  await put(list.columns.map((c) => c.header[locale]));
  for await (const row of list.rows) {
    await put(list.columns.map((c) => cellText(row[c.key], c.kind, locale)));
  }
  csv.end();
  await once(out, 'finish');
}
