import type { Locale } from '../common/errors/error-messages';
import type { BookingKind } from '../bookings/booking-status';
import { describeTiming, Occasion } from '../calendar/booking-occasion';
import type { Recipient } from './outbox.service';

/** Who hears of a booking: its booker and, where it matters, the other side. */
export const AUDIENCE: Record<BookingKind, { company: boolean; school: boolean }> = {
  stand: { company: true, school: false },
  class_visit: { company: false, school: true },
  day_registration: { company: true, school: false },
  session: { company: true, school: true }, // the company, and the host school of the grid
  placement: { company: true, school: true }, // the school, and the company taking the pupil
};

/** The members who hear of this booking, from members loaded by organisation. */
export function audienceOf(occasion: Occasion, members: Map<string, Recipient[]>): Recipient[] {
  const audience = AUDIENCE[occasion.kind];
  return [
    ...(audience.company && occasion.companyId ? (members.get(occasion.companyId) ?? []) : []),
    ...(audience.school && occasion.schoolId ? (members.get(occasion.schoolId) ?? []) : []),
  ];
}

/** What every booking mail says of its booking: what, when, where, and the link to it. */
export function bookingMailData(occasion: Occasion, locale: Locale, recipient: Recipient, publicUrl: string) {
  return {
    name: recipient.name,
    eventTitle: occasion.eventTitle,
    what: occasion.what[locale],
    when: describeTiming(occasion.timing, locale),
    where: occasion.location,
    url: `${publicUrl}/buchungen/${occasion.bookingId}`,
  };
}
