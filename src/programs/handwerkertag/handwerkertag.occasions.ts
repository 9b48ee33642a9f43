import { EntityManager } from 'typeorm';
import { Described, OccasionDescriber, OccasionRow } from '../../calendar/booking-occasion';

/** A stand: the whole fair, at the venue, with its number once it has one. */
export const standOccasion: OccasionDescriber = {
  kind: 'stand',
  async describe(_manager: EntityManager, rows: OccasionRow[]) {
    return new Map(
      rows.map((row): [string, Described] => {
        const d = row.details ?? {};
        const number = row.stand_number ? { de: ` Nr. ${row.stand_number}`, en: ` no. ${row.stand_number}` } : { de: '', en: '' };
        return [
          row.id,
          {
            timing: { type: 'days', firstDay: row.starts_on, lastDay: row.ends_on },
            location: row.venue,
            summary: { de: `Stand${number.de}: ${row.title}`, en: `Stand${number.en}: ${row.title}` },
            what: {
              de: `Stand${number.de} von ${row.company_name} (${d.standSize}, ${d.location === 'outdoor' ? 'draußen' : 'drinnen'}${d.powerNeeded ? ', mit Strom' : ''}); Mitmachaktion: ${d.handsOnActivity}`,
              en: `Stand${number.en} of ${row.company_name} (${d.standSize}, ${d.location === 'outdoor' ? 'outdoors' : 'indoors'}${d.powerNeeded ? ', with power' : ''}); hands-on activity: ${d.handsOnActivity}`,
            },
          },
        ];
      }),
    );
  },
};

/** A class visit: its time slot, with the class and how many come. */
export const classVisitOccasion: OccasionDescriber = {
  kind: 'class_visit',
  async describe(manager: EntityManager, rows: OccasionRow[]) {
    const slots: Array<{ id: string; starts_at: Date; ends_at: Date }> = await manager.query(
      `SELECT id, starts_at, ends_at FROM time_slots WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.bookable_id)],
    );
    const classes: Array<{ id: string; name: string }> = await manager.query(`SELECT id, name FROM school_classes WHERE id = ANY($1::uuid[])`, [
      rows.map((r) => r.school_class_id),
    ]);
    const slotOf = new Map(slots.map((s) => [s.id, s]));
    const classOf = new Map(classes.map((c) => [c.id, c.name]));
    return new Map(
      rows.map((row): [string, Described] => {
        const d = row.details ?? {};
        const slot = slotOf.get(row.bookable_id!)!;
        const visitClass = classOf.get(row.school_class_id!);
        return [
          row.id,
          {
            timing: { type: 'span', startsAt: slot.starts_at, endsAt: slot.ends_at },
            location: row.venue,
            summary: { de: `Klassenbesuch ${visitClass}: ${row.title}`, en: `Class visit ${visitClass}: ${row.title}` },
            what: {
              de: `Klasse ${visitClass} (${row.school_name}) mit ${d.pupils} Schülerinnen und Schülern und ${d.teachers} Lehrkräften`,
              en: `Class ${visitClass} (${row.school_name}) with ${d.pupils} pupils and ${d.teachers} teachers`,
            },
          },
        ];
      }),
    );
  },
};
