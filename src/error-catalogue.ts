import { allocationErrors, allocationThings } from './allocation/allocation.errors';
import { authErrors, authThings } from './auth/auth.errors';
import { bookingErrors, bookingThings } from './bookings/booking.errors';
import { calendarThings } from './calendar/calendar.errors';
import { registerErrors, registerThings } from './common/errors/error-catalog';
import { eventErrors, eventThings } from './events/event.errors';
import { documentThings } from './documents/document.errors';
import { exportThings } from './exports/export.errors';
import { eventMessageErrors } from './messages/event-message.errors';
import { notificationThings } from './notifications/notification.errors';
import { organisationErrors, organisationThings } from './organisations/organisation.errors';
import { schoolErrors, schoolThings } from './schools/school.errors';
import { webThings } from './web/web.errors';
import { praxistageYearErrors, praxistageYearThings } from './programs/praxistage/year/praxistage-year.errors';
import { proposalErrors } from './programs/praxistage/allocation/proposal.errors';
import { dayPlanErrors, dayPlanThings } from './programs/schule-trifft-wirtschaft/day-plan/day-plan.errors';
import { checkInErrors, checkInThings } from './programs/handwerkertag/check-in/check-in.errors';

/**
 * The error catalogue, assembled where the app is wired: every feature's codes and the
 * things its 404s name. The base (common/) knows only its own codes.
 */
registerErrors(authErrors, organisationErrors, schoolErrors, eventErrors, bookingErrors, praxistageYearErrors, eventMessageErrors, allocationErrors, proposalErrors, dayPlanErrors, checkInErrors);
registerThings(authThings, organisationThings, schoolThings, eventThings, bookingThings, calendarThings, notificationThings, documentThings, exportThings, webThings, praxistageYearThings, allocationThings, dayPlanThings, checkInThings);
