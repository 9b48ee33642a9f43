import { DataSource } from 'typeorm';
import { DomainError, invalidField } from '../../common/errors/domain-error';
import { DateRange, placementDates } from '../../calendar/placement-dates';
import { addDays, isoWeekday } from '../../calendar/iso-date';
import { AttendeeList, Column } from '../../exports/attendee-list';
import { listRows } from '../../exports/cursor-stream';
import { ListQuery, statusesOf } from '../../exports/list-filters';

const WEEKDAY = { de: ['', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'], en: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };

/** The placements of a term with what computing their days needs; no further query per row. */
function placements(dataSource: DataSource, eventId: string, query: ListQuery, extraWhere = '', extraParams: unknown[] = []) {
  return listRows<Record<string, any>>(dataSource, {
    eventId,
    kind: 'placement',
    statuses: statusesOf(query.status),
    columns: `b.id, coalesce(pu.last_name || ', ' || pu.first_name, '—') AS pupil, pc.name AS class, s.name AS school,
              c.name AS company, o.occupational_field, b.weekday, b.first_date::text AS first_date, b.last_date::text AS last_date,
              o.daily_start::text AS daily_start, o.daily_end::text AS daily_end, b.status,
              (SELECT coalesce(json_agg(json_build_object('date', x.day::text, 'reason', x.reason)), '[]')
                 FROM placement_exceptions x WHERE x.booking_id = b.id) AS cancelled`,
    joins: `JOIN schools s ON s.id = b.school_id JOIN companies c ON c.id = b.company_id
            JOIN practicum_offers o ON o.id = b.offer_id
            LEFT JOIN pupils pu ON pu.id = b.pupil_id LEFT JOIN school_classes pc ON pc.id = pu.class_id`,
    where: `($4::text IS NULL OR s.district = $4) AND ($5::date IS NULL OR $5::date BETWEEN b.first_date AND b.last_date) ${extraWhere}`,
    params: [query.district ?? null, query.date ?? null, ...extraParams],
    orderBy: 's.name, pc.name, pu.last_name, pu.first_name, b.weekday, b.id',
  });
}

const holidaysOf = async (dataSource: DataSource): Promise<DateRange[]> =>
  (await dataSource.query(`SELECT first_day::text AS "firstDay", last_day::text AS "lastDay", name FROM school_holidays`)) as DateRange[];

const scheduleOf = (row: Record<string, any>, schoolHolidays: DateRange[]) =>
  placementDates(
    { weekday: row.weekday, firstDate: row.first_date, lastDate: row.last_date, dailyStart: row.daily_start.slice(0, 5), dailyEnd: row.daily_end.slice(0, 5) },
    { schoolHolidays, cancelled: row.cancelled },
  );

/** The Praxistage roster: who is where on which weekday, and for how many days. */
export async function rosterList(dataSource: DataSource, eventId: string, query: ListQuery): Promise<AttendeeList> {
  const schoolHolidays = await holidaysOf(dataSource);
  async function* rows() {
    for await (const row of placements(dataSource, eventId, query)) {
      const { days } = scheduleOf(row, schoolHolidays);
      // the first and last day the pupil is really there, not the bounds of the placement
      yield { ...row, weekday_name: WEEKDAY.de[row.weekday], first_date: days[0]?.date ?? null, last_date: days.at(-1)?.date ?? null, days: days.length };
    }
  }
  return {
    name: 'praxistage-liste',
    title: { de: 'Praxistage: Einsatzliste', en: 'Practice days: roster' },
    columns: [
      { key: 'pupil', header: { de: 'Schüler/in', en: 'Pupil' }, width: 24 },
      { key: 'class', header: { de: 'Klasse', en: 'Class' }, width: 8 },
      { key: 'school', header: { de: 'Schule', en: 'School' }, width: 28 },
      { key: 'company', header: { de: 'Unternehmen', en: 'Company' }, width: 28 },
      { key: 'occupational_field', header: { de: 'Berufsfeld', en: 'Occupational field' }, width: 22 },
      { key: 'weekday_name', header: { de: 'Wochentag', en: 'Weekday' }, width: 10 },
      { key: 'first_date', header: { de: 'Erster Tag', en: 'First day' }, width: 12, kind: 'date' },
      { key: 'last_date', header: { de: 'Letzter Tag', en: 'Last day' }, width: 12, kind: 'date' },
      { key: 'days', header: { de: 'Anzahl Tage', en: 'Days' }, width: 11, kind: 'number' },
      { key: 'status', header: { de: 'Status', en: 'Status' }, width: 12, kind: 'status' },
    ],
    rows: rows(),
  };
}

/**
 * Attendance sheet of one company for one month: a row per pupil, a column per weekday of
 * the month. A practice day is left empty to sign; other days say why there is none.
 */
export async function attendanceList(dataSource: DataSource, eventId: string, query: ListQuery): Promise<AttendeeList> {
  if (!query.companyId) throw invalidField('companyId', 'should not be null or undefined', 'isDefined');
  if (!query.month) throw invalidField('month', 'should not be null or undefined', 'isDefined');
  const [company] = await dataSource.query(`SELECT name FROM companies WHERE id = $1`, [query.companyId]);
  if (!company) throw new DomainError('validation_failed', {}, [{ field: 'companyId', code: 'reference', message: 'notInEvent' }]);
  const first = `${query.month}-01`;
  const dates: string[] = [];
  for (let day = first; day.startsWith(query.month); day = addDays(day, 1)) if (isoWeekday(day) <= 5) dates.push(day);
  const schoolHolidays = await holidaysOf(dataSource);
  const columns: Column[] = [
    { key: 'pupil', header: { de: 'Schüler/in', en: 'Pupil' }, width: 24 },
    { key: 'class', header: { de: 'Klasse', en: 'Class' }, width: 8 },
    { key: 'school', header: { de: 'Schule', en: 'School' }, width: 26 },
    ...dates.map((date) => ({
      key: date,
      header: {
        de: `${WEEKDAY.de[isoWeekday(date)]} ${date.slice(8, 10)}.${date.slice(5, 7)}.`,
        en: `${WEEKDAY.en[isoWeekday(date)]} ${date.slice(8, 10)}/${date.slice(5, 7)}`,
      },
      width: 10,
    })),
  ];
  const lastOfMonth = dates.at(-1) ?? first;
  async function* rows() {
    const inMonth = placements(dataSource, eventId, query, `AND b.company_id = $6 AND b.first_date <= $8::date AND b.last_date >= $7::date`, [
      query.companyId,
      first,
      lastOfMonth,
    ]);
    for await (const row of inMonth) {
      const { days, skipped } = scheduleOf(row, schoolHolidays);
      const practice = new Set(days.map((d) => d.date));
      const why = new Map(skipped.map((s) => [s.date, s.reason === 'public_holiday' ? 'Feiertag' : s.reason === 'school_holidays' ? 'Ferien' : 'abgesagt']));
      const cells = Object.fromEntries(dates.map((date) => [date, practice.has(date) ? '' : (why.get(date) ?? '–')]));
      yield { pupil: row.pupil, class: row.class, school: row.school, ...cells };
    }
  }
  return {
    name: `anwesenheit-${query.month}`,
    title: { de: `Anwesenheit ${company.name} ${query.month}`, en: `Attendance ${company.name} ${query.month}` },
    columns,
    rows: rows(),
  };
}
