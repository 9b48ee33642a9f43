/**
 * What the statistics answer, for the API document: the same figures the charts of the
 * statistics pages draw and their CSV files hold.
 */
export class EventFiguresDto {
  id: string;
  title: string;
  program: string;
  /** The first day, YYYY-MM-DD. */
  startsOn: string;
  status: string;
  /** e.g. "2026/27"; a school year runs from 1 August. */
  schoolYear: string;
  /** Bookings per status, e.g. { "confirmed": 12, "waitlisted": 2 }. */
  bookingsByStatus: Record<string, number>;
  /** Places of all the event's slots, stands and offers together. */
  capacity: number;
  /** Places held by pending and confirmed bookings. */
  booked: number;
  /** booked / capacity (0–1), or null for an event without places. */
  fillRate: number | null;
  waitlisted: number;
}

export class DistrictFiguresDto {
  /** nordhausen, kyffhaeuserkreis, unstrut-hainich-kreis or eichsfeld. */
  district: string;
  schools: number;
  companies: number;
  pupils: number;
  bookings: number;
}

export class SchoolFiguresDto {
  schoolId: string;
  name: string;
  district: string;
  bookings: number;
  pupils: number;
}

export class SchoolTypeFiguresDto {
  /** regelschule, gemeinschaftsschule, gymnasium, foerderschule or berufsbildende-schule. */
  schoolType: string;
  schools: number;
  bookings: number;
  pupils: number;
}

export class OccupationalFieldFiguresDto {
  occupationalField: string;
  offers: number;
  /** Places offered on all weekdays (and phases) together. */
  places: number;
  /** Confirmed placements. */
  placements: number;
}

export class StatisticsParticipationDto {
  /** Confirmed bookings only: who took part, not who waits. */
  byDistrict: DistrictFiguresDto[];
  bySchool: SchoolFiguresDto[];
  bySchoolType: SchoolTypeFiguresDto[];
  byOccupationalField: OccupationalFieldFiguresDto[];
}

export class SchoolYearFiguresDto {
  schoolYear: string;
  events: number;
  confirmedBookings: number;
  /** Persons of the confirmed bookings: a class visit's pupils and teachers, else one each. */
  persons: number;
}

export class SchoolYearProgramFiguresDto extends SchoolYearFiguresDto {
  program: string;
}

/** Class visits of fair days that are over, as the entrance counted them. */
export class SchoolAttendanceFiguresDto {
  schoolId: string;
  name: string;
  classesBooked: number;
  classesArrived: number;
  /** Confirmed classes never checked in. */
  noShows: number;
  pupilsBooked: number;
  pupilsArrived: number;
  teachersBooked: number;
  teachersArrived: number;
}

export class StatisticsOverviewDto {
  /** Only fair days that are over and whose entrance checked classes in. */
  attendanceBySchool: SchoolAttendanceFiguresDto[];
  events: EventFiguresDto[];
  participation: StatisticsParticipationDto;
  bySchoolYear: SchoolYearFiguresDto[];
  /** The school years side by side, per program. */
  bySchoolYearAndProgram: SchoolYearProgramFiguresDto[];
}

export class BookableFiguresDto {
  id: string;
  /** stands, time_slot, offer_weekday or phase_place. */
  kind: string;
  /** A time slot's start. */
  startsAt: Date | null;
  /** A phase place's phase (1–4). */
  phase: number | null;
  occupationalField: string | null;
  company: string | null;
  /** An offer's weekday, 1 (Monday) to 5 (Friday). */
  weekday: number | null;
  capacity: number;
  booked: number;
  fillRate: number | null;
  waitlisted: number;
}

export class BookingDayDto {
  /** A day in Berlin, YYYY-MM-DD. */
  date: string;
  /** Bookings confirmed that day (new, promoted from the waiting list, or approved). */
  confirmed: number;
  /** Confirmed bookings cancelled that day. */
  withdrawn: number;
  /** Confirmed bookings at the end of the day. */
  total: number;
}

export class BookingsPerDayDto {
  eventId: string;
  /** One entry per day from the opening of the registration to its closing or today; empty before it opens. */
  days: BookingDayDto[];
}
