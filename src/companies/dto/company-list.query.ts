import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { Text } from '../../common/validation/rules';
import { ORGANISATION_STATUSES, OrganisationStatus } from '../../organisations/organisation-status';
import { District, DISTRICT_KEYS } from '../../organisations/region';

export class CompanyListQuery extends PageQuery {
  /** Searches name, town, branch and contact person. */
  @Text(100, { optional: true })
  q?: string;

  @IsOptional()
  @IsIn(DISTRICT_KEYS)
  district?: District;

  /** Exact branch, e.g. "Elektrohandwerk" (case-insensitive). */
  @Text(100, { optional: true })
  branch?: string;

  @IsOptional()
  @IsIn(ORGANISATION_STATUSES)
  status?: OrganisationStatus;
}
