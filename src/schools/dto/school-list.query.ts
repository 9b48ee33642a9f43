import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { Text } from '../../common/validation/rules';
import { ORGANISATION_STATUSES, OrganisationStatus } from '../../organisations/organisation-status';
import { District, DISTRICT_KEYS, SCHOOL_TYPE_KEYS, SchoolType } from '../../organisations/region';

export class SchoolListQuery extends PageQuery {
  /** Searches name, town and coordinator. */
  @Text(100, { optional: true })
  q?: string;

  @IsOptional()
  @IsIn(DISTRICT_KEYS)
  district?: District;

  @IsOptional()
  @IsIn(SCHOOL_TYPE_KEYS)
  schoolType?: SchoolType;

  @IsOptional()
  @IsIn(ORGANISATION_STATUSES)
  status?: OrganisationStatus;
}
