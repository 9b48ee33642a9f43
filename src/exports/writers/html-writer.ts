import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Locale } from '../../common/errors/error-messages';
import { AttendeeList } from '../attendee-list';
import { cellText } from '../cell-format';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A page to print (A4 landscape), with the header row repeated on every printed page. Its
 * styles come from the app's own address: the content policy allows no inline styles.
 */
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
<link rel="stylesheet" href="/static/list.css">
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
