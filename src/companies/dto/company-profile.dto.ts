import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { Text } from '../../common/validation/rules';
import { OrganisationProfileDto } from '../../organisations/dto/organisation-profile.dto';

/** The profile a company keeps; also what it sends when it registers. */
export class CompanyProfileDto extends OrganisationProfileDto {
  /** Trade or branch, e.g. "Elektrohandwerk". */
  @Text(100)
  branch: string;

  /** Apprenticeships (Ausbildungsberufe) the company trains in. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value))
  @MaxLength(100, { each: true })
  @Matches(/\S/, { each: true, message: 'notBlank' })
  apprenticeships?: string[];

  @Text(200)
  contactPerson: string;

  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(300)
  website?: string | null;

  /** A few sentences about the company (shown to schools). */
  @Text(2000, { optional: true })
  description?: string;
}

export class UpdateCompanyDto extends PartialType(CompanyProfileDto) {}
