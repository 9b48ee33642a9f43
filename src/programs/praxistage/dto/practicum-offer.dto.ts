import { OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { CalendarDate, ClockTime, Email, PHONE, POSTAL_CODE, Text, WholeNumber, Omittable, NOT_NULL } from '../../../common/validation/rules';

export class CreatePracticumOfferDto {
  /** Berufsfeld, e.g. "Metall, Maschinenbau". */
  @Text(200)
  occupationalField: string;

  /** Ausbildungsberuf the pupil gets to know, e.g. "Industriemechaniker/in". */
  @Text(200, { optional: true })
  apprenticeship?: string;

  /** ISO weekdays offered: 1 = Monday … 5 = Friday. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(5, { each: true })
  weekdays: number[];

  /** Pupils per weekday. */
  @WholeNumber(1, 50)
  placesPerWeekday: number;

  /** Within the term; defaults to the term's first day. */
  @CalendarDate({ optional: true })
  firstDate?: string;

  /** Within the term; defaults to the term's last day. */
  @CalendarDate({ optional: true })
  lastDate?: string;

  /** When the practice day starts, German time, e.g. "07:30". */
  @ClockTime()
  dailyStart: string;

  @ClockTime()
  dailyEnd: string;

  /** Place of work. */
  @Text(200)
  street: string;

  @Matches(POSTAL_CODE, { message: 'postalCode' })
  postalCode: string;

  @Text(100)
  town: string;

  /** Who looks after the pupil in the company. */
  @Text(200)
  mentor: string;

  @Text(200)
  contactPerson: string;

  @Matches(PHONE, { message: 'phone' })
  contactPhone: string;

  @Email()
  contactEmail: string;

  @Text(2000, { optional: true })
  description?: string;
}

/** Weekdays and dates are fixed once published (placements are built on them); places can change. */
export class UpdatePracticumOfferDto extends PartialType(
  OmitType(CreatePracticumOfferDto, ['weekdays', 'firstDate', 'lastDate'] as const),
  NOT_NULL,
) {}

export class OfferListQuery {
  @Omittable()
  @IsUUID()
  companyId?: string;

  /** Only offers with a free place on this weekday (1–5). */
  @WholeNumber(1, 5, { optional: true })
  weekday?: number;
}
