import { DataSource } from 'typeorm';
import { AttendeeList, Column } from '../../exports/attendee-list';
import { bookingListSql } from '../../bookings/booking-list-query';
import { listRows } from '../../exports/cursor-stream';
import { ListQuery, statusesOf } from '../../exports/list-filters';

/**
 * The session grid for the classroom doors: one row per period, one column per class, in
 * each cell the company (and room). Its columns come from the day's classes.
 */
export async function sessionGridList(dataSource: DataSource, eventId: string, query: ListQuery): Promise<AttendeeList> {
  const classes: Array<{ id: string; name: string }> = await dataSource.query(
    `SELECT ec.id, sc.name FROM event_classes ec JOIN school_classes sc ON sc.id = ec.school_class_id
      WHERE ec.event_id = $1 ORDER BY sc.grade, sc.name`,
    [eventId],
  );
  const columns: Column[] = [
    { key: 'period', header: { de: 'Stunde', en: 'Period' }, width: 8, kind: 'number' },
    { key: 'starts_at', header: { de: 'Beginn', en: 'Start' }, width: 8, kind: 'time' },
    { key: 'ends_at', header: { de: 'Ende', en: 'End' }, width: 8, kind: 'time' },
    ...classes.map((c) => ({ key: c.id, header: { de: `Klasse ${c.name}`, en: `Class ${c.name}` }, width: 28 })),
  ];
  async function* rows() {
    // a day has a few periods and a few hundred sessions at most: the grid is built in memory
    const periods: Array<{ id: string; number: number; starts_at: Date; ends_at: Date }> = await dataSource.query(
      `SELECT id, number, starts_at, ends_at FROM event_periods WHERE event_id = $1 ORDER BY number`,
      [eventId],
    );
    const { sql, params } = bookingListSql({
      eventId,
      kind: 'session',
      statuses: statusesOf(query.status),
      columns: `b.period_id, b.event_class_id, c.name || coalesce(' (' || r.name || ')', '') || CASE WHEN b.team > 1 THEN ' – Team ' || b.team ELSE '' END AS cell`,
      joins: 'JOIN companies c ON c.id = b.company_id LEFT JOIN event_rooms r ON r.id = b.room_id',
      orderBy: 'b.id',
    });
    const sessions: Array<{ period_id: string; event_class_id: string; cell: string }> = await dataSource.query(sql, params);
    for (const period of periods) {
      const cells = Object.fromEntries(sessions.filter((s) => s.period_id === period.id).map((s) => [s.event_class_id, s.cell]));
      yield { period: period.number, starts_at: period.starts_at, ends_at: period.ends_at, ...cells };
    }
  }
  return { name: 'sitzungsraster', title: { de: 'Raster: Stunden × Klassen', en: 'Grid: periods × classes' }, columns, rows: rows() };
}

/** Where each company must be when: for the companies' teams on the day. */
export function companyScheduleList(dataSource: DataSource, eventId: string, query: ListQuery): AttendeeList {
  return {
    name: 'einsatzplan-unternehmen',
    title: { de: 'Einsatzplan der Unternehmen', en: 'Schedule per company' },
    columns: [
      { key: 'company', header: { de: 'Unternehmen', en: 'Company' }, width: 30 },
      { key: 'team', header: { de: 'Team', en: 'Team' }, width: 6, kind: 'number' },
      { key: 'period', header: { de: 'Stunde', en: 'Period' }, width: 8, kind: 'number' },
      { key: 'starts_at', header: { de: 'Beginn', en: 'Start' }, width: 17, kind: 'datetime' },
      { key: 'ends_at', header: { de: 'Ende', en: 'End' }, width: 8, kind: 'time' },
      { key: 'class', header: { de: 'Klasse', en: 'Class' }, width: 8 },
      { key: 'room', header: { de: 'Raum', en: 'Room' }, width: 14 },
      { key: 'contact_person', header: { de: 'Ansprechperson', en: 'Contact' }, width: 22 },
      { key: 'phone', header: { de: 'Telefon', en: 'Phone' }, width: 16 },
    ],
    rows: listRows(dataSource, {
      eventId,
      kind: 'session',
      statuses: statusesOf(query.status),
      columns: `c.name AS company, b.team, p.number AS period, p.starts_at, p.ends_at, sc.name AS class, r.name AS room,
                c.contact_person, c.phone`,
      joins: `JOIN companies c ON c.id = b.company_id JOIN event_periods p ON p.id = b.period_id
              JOIN event_classes ec ON ec.id = b.event_class_id JOIN school_classes sc ON sc.id = ec.school_class_id
              LEFT JOIN event_rooms r ON r.id = b.room_id`,
      where: '$4::text IS NULL OR c.district = $4',
      params: [query.district ?? null],
      orderBy: 'c.name, b.company_id, b.team, p.number',
    }),
  };
}
