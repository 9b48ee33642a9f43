import type { Locale } from '../../common/errors/error-messages';
import type { AttendeeList } from '../../exports/attendee-list';
import type { ChartView } from './chart-view';

/**
 * A chart's table as a list the export writers take, so its CSV file is written as every
 * list of Praxisnah is (German Excel: UTF-8 with BOM, semicolons, formulas defused).
 * The view is in one language already; both header languages carry its words.
 */
export function chartAsList(view: ChartView, fileName: string): AttendeeList {
  const columns = view.columns.map((header, i) => ({
    key: `c${i}`,
    header: { de: header, en: header } as Record<Locale, string>,
    kind: i > 0 && view.rows.some((r) => typeof r.figures[i - 1] === 'number') ? ('number' as const) : ('text' as const),
  }));
  async function* rows() {
    for (const r of view.rows) yield Object.fromEntries([r.head, ...r.figures].map((value, i) => [`c${i}`, value]));
  }
  return { name: fileName, title: { de: view.heading, en: view.heading }, columns, rows: rows() };
}
