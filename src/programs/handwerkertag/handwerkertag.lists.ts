import { DataSource } from 'typeorm';
import { AttendeeList } from '../../exports/attendee-list';
import { listRows } from '../../exports/cursor-stream';
import { ListQuery, statusesOf } from '../../exports/list-filters';

/** Handwerkertag: the stands, for the set-up crew. */
export function standList(dataSource: DataSource, eventId: string, query: ListQuery): AttendeeList {
  return {
    name: 'staende',
    title: { de: 'Stände', en: 'Stands' },
    columns: [
      { key: 'stand_number', header: { de: 'Stand', en: 'Stand' }, width: 8, kind: 'number' },
      { key: 'company', header: { de: 'Unternehmen', en: 'Company' }, width: 30 },
      { key: 'contact_person', header: { de: 'Ansprechperson', en: 'Contact' }, width: 22 },
      { key: 'phone', header: { de: 'Telefon', en: 'Phone' }, width: 16 },
      { key: 'stand_size', header: { de: 'Größe', en: 'Size' }, width: 10 },
      { key: 'location', header: { de: 'Innen/Außen', en: 'Indoor/outdoor' }, width: 12 },
      { key: 'power_needed', header: { de: 'Strom', en: 'Power' }, width: 7 },
      { key: 'hands_on_activity', header: { de: 'Mitmachaktion', en: 'Hands-on activity' }, width: 40 },
      { key: 'staff_count', header: { de: 'Personal', en: 'Staff' }, width: 9, kind: 'number' },
      { key: 'status', header: { de: 'Status', en: 'Status' }, width: 12, kind: 'status' },
    ],
    rows: listRows(dataSource, {
      eventId,
      kind: 'stand',
      statuses: statusesOf(query.status),
      columns: `b.stand_number, c.name AS company, c.contact_person, c.phone, b.details->>'standSize' AS stand_size,
                CASE b.details->>'location' WHEN 'outdoor' THEN 'außen' ELSE 'innen' END AS location,
                (b.details->>'powerNeeded')::boolean AS power_needed, b.details->>'handsOnActivity' AS hands_on_activity,
                (b.details->>'staffCount')::int AS staff_count, b.status`,
      joins: 'JOIN companies c ON c.id = b.company_id',
      where: '$4::text IS NULL OR c.district = $4',
      params: [query.district ?? null],
      orderBy: 'b.stand_number NULLS LAST, c.name, b.id',
    }),
  };
}

/** Handwerkertag: class visits per time slot, each slot closed by its totals — the plan for the entrance. */
export function classVisitList(dataSource: DataSource, eventId: string, query: ListQuery): AttendeeList {
  const rows = listRows(dataSource, {
    eventId,
    kind: 'class_visit',
    statuses: statusesOf(query.status),
    columns: `ts.id AS slot_id, ts.starts_at, ts.ends_at, s.name AS school, vc.name AS class,
              (b.details->>'pupils')::int AS pupils, (b.details->>'teachers')::int AS teachers, b.quantity AS persons,
              ci.pupils AS arrived_pupils, ci.teachers AS arrived_teachers,
              s.coordinator AS contact, s.phone, b.status`,
    // who actually came, from the entrance's check-ins (empty until the class is checked in)
    joins: `JOIN time_slots ts ON ts.id = b.bookable_id JOIN schools s ON s.id = b.school_id
            JOIN school_classes vc ON vc.id = b.school_class_id LEFT JOIN check_ins ci ON ci.booking_id = b.id`,
    where: `($4::text IS NULL OR s.district = $4) AND ($5::date IS NULL OR (ts.starts_at AT TIME ZONE 'Europe/Berlin')::date = $5::date)`,
    params: [query.district ?? null, query.date ?? null],
    orderBy: 'ts.starts_at, ts.id, s.name, vc.name, b.id',
  });
  return {
    name: 'klassenbesuche',
    title: { de: 'Klassenbesuche nach Zeitfenster', en: 'Class visits by time slot' },
    columns: [
      { key: 'starts_at', header: { de: 'Zeitfenster ab', en: 'Slot from' }, width: 17, kind: 'datetime' },
      { key: 'ends_at', header: { de: 'bis', en: 'until' }, width: 8, kind: 'time' },
      { key: 'school', header: { de: 'Schule', en: 'School' }, width: 30 },
      { key: 'class', header: { de: 'Klasse', en: 'Class' }, width: 8 },
      { key: 'pupils', header: { de: 'Schüler/innen', en: 'Pupils' }, width: 12, kind: 'number' },
      { key: 'teachers', header: { de: 'Lehrkräfte', en: 'Teachers' }, width: 10, kind: 'number' },
      { key: 'persons', header: { de: 'Personen', en: 'Persons' }, width: 9, kind: 'number' },
      { key: 'arrived_pupils', header: { de: 'Angekommen: Schüler/innen', en: 'Arrived: pupils' }, width: 12, kind: 'number' },
      { key: 'arrived_teachers', header: { de: 'Angekommen: Lehrkräfte', en: 'Arrived: teachers' }, width: 12, kind: 'number' },
      { key: 'contact', header: { de: 'Ansprechperson', en: 'Contact' }, width: 22 },
      { key: 'phone', header: { de: 'Telefon', en: 'Phone' }, width: 16 },
      { key: 'status', header: { de: 'Status', en: 'Status' }, width: 12, kind: 'status' },
    ],
    rows: withSlotTotals(rows),
  };
}

/** After each slot's visits, a row with its totals. */
async function* withSlotTotals(rows: AsyncIterable<Record<string, unknown>>) {
  let current: Record<string, unknown> | undefined;
  const empty = () => ({ pupils: 0, teachers: 0, persons: 0, arrived_pupils: 0, arrived_teachers: 0 });
  let totals = empty();
  const total = () => ({ starts_at: current!.starts_at, ends_at: current!.ends_at, school: 'Summe / total', ...totals });
  for await (const row of rows) {
    if (current && current.slot_id !== row.slot_id) {
      yield total();
      totals = empty();
    }
    current = row;
    totals.pupils += Number(row.pupils);
    totals.teachers += Number(row.teachers);
    totals.persons += Number(row.persons);
    totals.arrived_pupils += Number(row.arrived_pupils ?? 0);
    totals.arrived_teachers += Number(row.arrived_teachers ?? 0);
    yield row;
  }
  if (current) yield total();
}
