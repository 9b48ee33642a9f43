import { PartialType } from '@nestjs/swagger';
import { IsOptional, IsUrl, MaxLength } from 'class-validator';
import { Text, TextList, NOT_NULL } from '../../common/validation/rules';
import { OrganisationProfileDto } from '../../organisations/dto/organisation-profile.dto';

/** The profile a company keeps; also what it sends when it registers. */
export class CompanyProfileDto extends OrganisationProfileDto {
  /** Trade or branch, e.g. "Elektrohandwerk". */
  @Text(100)
  branch: string;

  /** Apprenticeships (Ausbildungsberufe) the company trains in. */
  @TextList(30, 100)
  apprenticeships?: string[];

  @Text(200)
  contactPerson: string;

  @IsOptional() // null takes the website off the profile
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(300)
  website?: string | null;

  /** A few sentences about the company (shown to schools). */
  @Text(2000, { optional: true })
  description?: string;
}

export class UpdateCompanyDto extends PartialType(CompanyProfileDto, NOT_NULL) {}
