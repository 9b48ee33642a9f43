import { OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsUUID, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { NOT_NULL, Omittable, Text, WholeNumber } from '../../../common/validation/rules';
import { DISTRICT_KEYS } from '../../../organisations/region';
import { CreatePracticumOfferDto } from '../dto/practicum-offer.dto';

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

/**
 * A Steckbrief is a year's practicum offer: the same description, place of work and contact
 * as a one-term offer (its fields are taken from there), plus what a pupil does and what the
 * company expects, the district, and places per phase and weekday instead of per weekday.
 */
export class CreateSteckbriefDto extends PickType(CreatePracticumOfferDto, [
  'occupationalField',
  'apprenticeship',
  'description',
  'dailyStart',
  'dailyEnd',
  'street',
  'postalCode',
  'town',
  'mentor',
  'contactPerson',
  'contactPhone',
  'contactEmail',
] as const) {
  /** What a pupil does here. */
  @Text(3000)
  tasks: string;

  /** What the company expects of a pupil. */
  @Text(3000, { optional: true })
  expectations?: string;

  @IsIn(DISTRICT_KEYS)
  district: string;

  /** "Assign pupils to me": an accepted proposal places pupils here directly instead of sending the company their applications. */
  @Omittable()
  @IsBoolean()
  assignDirectly?: boolean;

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
