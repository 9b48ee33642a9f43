import { Email, Text, WholeNumber } from '../../../../common/validation/rules';

/** A class arrives: the code from its QR address or the short code, and who actually came. */
export class CheckInDto {
  /** The code of the QR address (after /einlass/) or the short code under it (case, spaces and hyphens ignored). */
  @Text(64)
  code: string;

  /** Pupils who actually came (may differ from the booking). */
  @WholeNumber(1, 500)
  pupils: number;

  /** Teachers who actually came. */
  @WholeNumber(0, 50)
  teachers: number;

  /** Which entrance let them in, e.g. "Eingang Nord". */
  @Text(60, { optional: true })
  entrance?: string;
}

export class CheckInLookupDto {
  /** The code of the QR address (after /einlass/) or the short code under it. */
  @Text(64)
  code: string;
}

/** The same from the QR address's page, where the code is the address. */
export class ArrivalDto {
  @WholeNumber(1, 500)
  pupils: number;

  @WholeNumber(0, 50)
  teachers: number;

  @Text(60, { optional: true })
  entrance?: string;
}

/** A check-in's numbers corrected after a slip at the door. */
export class CheckInCorrectionDto {
  /** Pupils who actually came. */
  @WholeNumber(1, 500)
  pupils: number;

  /** Teachers who actually came. */
  @WholeNumber(0, 50)
  teachers: number;
}

export class CreateDoorLoginDto {
  /** Who or which entrance, e.g. "Eingang Nord – Herr Krause". */
  @Text(100)
  name: string;

  /** The login name of the entrance staff; nothing is mailed to it. */
  @Email()
  email: string;
}

export class CheckInRecordDto {
  pupils: number;
  teachers: number;
  entrance: string | null;
  checkedInAt: Date;
  /** The name of the login that checked the class in. */
  checkedInBy: string;
  /** When the numbers were last corrected, and by whom; null if never. */
  correctedAt: Date | null;
  correctedBy: string | null;
}

export class CheckInStatusDto {
  bookingId: string;
  eventId: string;
  /** The booking's state; only a confirmed class visit can be checked in. */
  status: string;
  school: string;
  className: string;
  /** Booked pupils and teachers. */
  pupils: number;
  teachers: number;
  slotStartsAt: Date;
  slotEndsAt: Date;
  /** Null until the class is checked in. */
  checkIn: CheckInRecordDto | null;
}

export class LiveTotalsDto {
  classesBooked: number;
  classesArrived: number;
  pupilsBooked: number;
  teachersBooked: number;
  pupilsArrived: number;
  teachersArrived: number;
  /** People of this slot checked in: pupils and teachers who arrived. */
  inHall: number;
}

export class SlotLiveDto extends LiveTotalsDto {
  slotId: string;
  startsAt: Date;
  endsAt: Date;
}

export class AwaitedClassDto {
  bookingId: string;
  school: string;
  className: string;
  slotStartsAt: Date;
  pupils: number;
  teachers: number;
}

export class SchoolAttendanceDto {
  schoolId: string;
  school: string;
  classesBooked: number;
  classesArrived: number;
  /** Booked classes that never arrived. */
  noShows: number;
  pupilsBooked: number;
  pupilsArrived: number;
}

export class LiveFiguresDto {
  eventId: string;
  /** Whether the fair's day is over (then the classes not arrived are no-shows). */
  dayOver: boolean;
  slots: SlotLiveDto[];
  totals: LiveTotalsDto;
  /** Confirmed classes not checked in yet, earliest slot first. */
  notArrived: AwaitedClassDto[];
  bySchool: SchoolAttendanceDto[];
}

export class DoorLoginDto {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export class NewDoorLoginDto extends DoorLoginDto {
  /** Shown once: hand it to the entrance staff. Only its hash is stored. */
  password: string;
}

export class EntrancePassDto {
  bookingId: string;
  /** What the QR code holds: the check-in page of the class, `<PUBLIC_URL>/einlass/<code>`; null for bookings without entrance control (anything but a confirmed class visit). */
  address: string | null;
  /** Seven letters and digits under the QR code, typed at the entrance when scanning fails. */
  shortCode: string | null;
}
