import { Instant, WholeNumber } from '../../../common/validation/rules';

export class CreateTimeSlotDto {
  /** e.g. "2027-05-08T08:30" (German time) */
  @Instant()
  startsAt: Date;

  @Instant()
  endsAt: Date;

  /** Persons (pupils and teachers) the slot holds. */
  @WholeNumber(1, 10_000)
  capacity: number;
}

export class UpdateTimeSlotDto {
  /** Moving the slot sends every class booked into it the new time with its calendar entry. */
  @Instant({ optional: true })
  startsAt?: Date;

  @Instant({ optional: true })
  endsAt?: Date;

  /** Raising it promotes waiting class visits at once; it cannot sink below what is booked. */
  @WholeNumber(0, 10_000, { optional: true })
  capacity?: number;
}
