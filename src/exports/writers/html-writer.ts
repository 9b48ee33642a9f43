import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Locale } from '../../common/errors/error-messages';
import { AttendeeList } from '../attendee-list';
import { cellText } from '../cell-format';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A page to print (A4 landscape), with the header row repeated on every printed page. */
export async function writeHtml(list: AttendeeList, locale: Locale, out: Writable): Promise<void> {
  const put = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const title = escape(list.title[locale]);
  await put(`<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; color: #1d1d1b; margin: 1.5rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  caption { text-align: left; font-size: 1.3rem; font-weight: bold; margin-bottom: 0.75rem; }
  th, td { border: 1px solid #6b6b66; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
  th { background: #e8e8e2; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  @page { size: A4 landscape; margin: 1cm; }
</style>
</head>
<body>
<table>
<caption>${title}</caption>
<thead><tr>${list.columns.map((c) => `<th scope="col">${escape(c.header[locale])}</th>`).join('')}</tr></thead>
<tbody>
`);
  let rows = 0;
  for await (const row of list.rows) {
    rows++;
    await put(`<tr>${list.columns.map((c) => `<td>${escape(cellText(row[c.key], c.kind, locale))}</td>`).join('')}</tr>\n`);
  }
  if (rows === 0) {
    const empty = locale === 'de' ? 'Keine Einträge für diese Auswahl.' : 'No entries for this selection.';
    await put(`<tr><td colspan="${list.columns.length}">${empty}</td></tr>\n`);
  }
  await put('</tbody>\n</table>\n</body>\n</html>\n');
  out.end();
  await once(out, 'finish');
}
