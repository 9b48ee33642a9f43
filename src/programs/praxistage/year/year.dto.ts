import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsUUID, ValidateNested } from 'class-validator';
import { CalendarDate, Instant, Omittable, Text, WholeNumber } from '../../../common/validation/rules';

export class PhaseDatesDto {
  @CalendarDate()
  firstDay: string;

  @CalendarDate()
  lastDay: string;

  /** Default: eight weeks before the first day. */
  @Instant({ optional: true })
  applicationsOpenAt?: Date;

  /** Default: two weeks after the first day. */
  @Instant({ optional: true })
  applicationsCloseAt?: Date;
}

export class CreateYearDto {
  /** e.g. "Tag in der Praxis 2027/28". */
  @Text(200)
  title: string;

  /** The calendar year of phase 1 (after its Winterferien). */
  @WholeNumber(2020, 2100)
  firstPhaseYear: number;

  /** The four phases; without them they are proposed from the school holidays kept in Praxisnah. */
  @Omittable()
  @IsArray()
  @ArrayMinSize(4)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => PhaseDatesDto)
  phases?: PhaseDatesDto[];

  /** How many companies a pupil may apply to per phase (default 3). */
  @WholeNumber(1, 10, { optional: true })
  applicationsPerPhase?: number;

  /** How many days an offered place is held for the pupil (default 7). */
  @WholeNumber(1, 30, { optional: true })
  offerHoldDays?: number;

  @Text(5000, { optional: true })
  description?: string;
}

export class UpdateYearDto {
  @WholeNumber(1, 10, { optional: true })
  applicationsPerPhase?: number;

  @WholeNumber(1, 30, { optional: true })
  offerHoldDays?: number;
}

export class UpdatePhaseDto {
  @CalendarDate({ optional: true })
  firstDay?: string;

  @CalendarDate({ optional: true })
  lastDay?: string;

  @Instant({ optional: true })
  applicationsOpenAt?: Date;

  @Instant({ optional: true })
  applicationsCloseAt?: Date;
}

export class ClassWeekdayDto {
  @IsUUID()
  classId: string;

  @WholeNumber(1, 5)
  weekday: number;
}

export class ParticipationDto {
  /** The school's practice weekday, 1 = Monday … 5 = Friday. */
  @WholeNumber(1, 5)
  weekday: number;

  /** Classes that need another weekday than the school's. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ClassWeekdayDto)
  classWeekdays?: ClassWeekdayDto[];
}

export class AddParticipantsDto {
  /** Every pupil of these classes takes part. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  classIds?: string[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  pupilIds?: string[];
}

export class UpdateParticipantDto {
  /** The pupil may stay with a company or field of an earlier phase (e.g. pupils of a Förderzentrum). */
  @IsBoolean()
  mayStay: boolean;
}

export class IssueCodesDto {
  /** Codes for every participant of this class (a class letter)… */
  @Omittable()
  @IsUUID()
  classId?: string;

  /** …or for these pupils. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  pupilIds?: string[];
}
