import { EntityManager } from 'typeorm';
import type { OccasionRow } from '../../../bookings/booking-reads';
import type { BookingDocumentMaker } from '../../../documents/booking-documents';
import { classVisitConfirmation, standConfirmation } from './fair-confirmations';
import type { CheckInCodes } from '../check-in/check-in-codes';

const FILE = { visit: { de: 'klassenbesuch', en: 'class-visit' }, stand: { de: 'standbestaetigung', en: 'stand-confirmation' } };

/**
 * A confirmed class visit's confirmation, with the QR code of its check-in address and the
 * short code for the door (made on first use, the same every time).
 */
export const classVisitDocument = (codes: CheckInCodes): BookingDocumentMaker => ({
  kind: 'class_visit',
  aboutPupil: false,
  async render(manager: EntityManager, booking: OccasionRow, locale) {
    if (booking.status !== 'confirmed') return null;
    const [visit]: Array<{ starts_at: Date; ends_at: Date; class_name: string }> = await manager.query(
      `SELECT t.starts_at, t.ends_at, c.name AS class_name FROM time_slots t, school_classes c WHERE t.id = $1 AND c.id = $2`,
      [booking.bookable_id, booking.school_class_id],
    );
    const body = await classVisitConfirmation(
      {
        eventTitle: booking.title,
        venue: booking.venue,
        startsAt: visit.starts_at,
        endsAt: visit.ends_at,
        schoolName: booking.school_name ?? '',
        className: visit.class_name,
        pupils: Number(booking.details.pupils),
        teachers: Number(booking.details.teachers),
      },
      locale,
      { checkIn: await codes.addressFor(manager, booking.id) },
    );
    return { filename: `${FILE.visit[locale]}-${booking.id}.pdf`, body };
  },
});

/** A confirmed stand's confirmation, with the number the organiser gave it. */
export const standDocument: BookingDocumentMaker = {
  kind: 'stand',
  aboutPupil: false,
  async render(_manager: EntityManager, booking: OccasionRow, locale) {
    if (booking.status !== 'confirmed') return null;
    const d = booking.details;
    const body = await standConfirmation(
      {
        eventTitle: booking.title,
        venue: booking.venue,
        startsOn: booking.starts_on,
        endsOn: booking.ends_on,
        companyName: booking.company_name ?? '',
        standNumber: booking.stand_number,
        standSize: String(d.standSize ?? ''),
        outdoor: d.location === 'outdoor',
        powerNeeded: !!d.powerNeeded,
        handsOnActivity: String(d.handsOnActivity ?? ''),
        apprenticeships: Array.isArray(d.apprenticeships) ? d.apprenticeships.map(String) : [],
        internships: Array.isArray(d.internships) ? d.internships.map(String) : [],
        staffCount: Number(d.staffCount ?? 0),
      },
      locale,
    );
    return { filename: `${FILE.stand[locale]}-${booking.id}.pdf`, body };
  },
};
