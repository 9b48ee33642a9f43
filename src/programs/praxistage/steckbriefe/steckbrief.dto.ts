import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsUUID, Matches, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { ClockTime, Email, NOT_NULL, Omittable, PHONE, POSTAL_CODE, Text, WholeNumber } from '../../../common/validation/rules';
import { DISTRICT_KEYS } from '../../../organisations/region';

export class SteckbriefPlaceDto {
  /** Phase 1–4 of the year. */
  @WholeNumber(1, 4)
  phase: number;

  /** 1 = Monday … 5 = Friday. */
  @WholeNumber(1, 5)
  weekday: number;

  /** Pupils at once on that weekday in that phase; 0 takes the weekday back. */
  @WholeNumber(0, 50)
  places: number;
}

export class CreateSteckbriefDto {
  /** Berufsfeld, e.g. "Metall, Maschinenbau". */
  @Text(200)
  occupationalField: string;

  /** The occupations a pupil gets to know, e.g. "Industriemechaniker/in, Zerspanungsmechaniker/in". */
  @Text(500, { optional: true })
  apprenticeship?: string;

  /** What a pupil does here. */
  @Text(3000)
  tasks: string;

  /** What the company expects of a pupil. */
  @Text(3000, { optional: true })
  expectations?: string;

  @Text(3000, { optional: true })
  description?: string;

  @ClockTime()
  dailyStart: string;

  @ClockTime()
  dailyEnd: string;

  @Text(200)
  street: string;

  @Matches(POSTAL_CODE, { message: 'postalCode' })
  postalCode: string;

  @Text(100)
  town: string;

  @IsIn(DISTRICT_KEYS)
  district: string;

  /** Who looks after the pupil in the company. */
  @Text(200)
  mentor: string;

  @Text(200)
  contactPerson: string;

  @Matches(PHONE, { message: 'phone' })
  contactPhone: string;

  @Email()
  contactEmail: string;

  /** Places per phase and weekday; can also be set later. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SteckbriefPlaceDto)
  places?: SteckbriefPlaceDto[];
}

export class UpdateSteckbriefDto extends PartialType(OmitType(CreateSteckbriefDto, ['places'] as const), NOT_NULL) {}

export class SteckbriefPlacesDto {
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SteckbriefPlaceDto)
  places: SteckbriefPlaceDto[];
}

export class ReviewSteckbriefDto {
  @IsIn(['approve', 'return'])
  decision: 'approve' | 'return';

  /** What to change (shown to the company when it is sent back). */
  @Text(2000, { optional: true })
  note?: string;
}

export class CopySteckbriefDto {
  /** The year to copy into. */
  @IsUUID()
  eventId: string;
}

export class SteckbriefListQuery extends PageQuery {
  @Omittable()
  @IsIn(['draft', 'submitted', 'approved', 'returned'])
  status?: 'draft' | 'submitted' | 'approved' | 'returned';

  @Text(200, { optional: true })
  occupationalField?: string;

  @Text(100, { optional: true })
  town?: string;
}

export class PupilSteckbriefQuery extends PageQuery {
  @Text(200, { optional: true })
  occupationalField?: string;

  @Text(100, { optional: true })
  town?: string;
}
