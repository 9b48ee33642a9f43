import { PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { Email, PHONE, POSTAL_CODE, Text } from '../../common/validation/rules';
import { District, DISTRICT_KEYS } from '../../organisations/region';

/** The profile a company keeps; also what it sends when it registers. */
export class CompanyProfileDto {
  /** Name of the business, e.g. "Bäckerei Müller GmbH". */
  @Text(200)
  name: string;

  @Text(200)
  street: string;

  /** Five-digit German postal code. */
  @Matches(POSTAL_CODE, { message: 'postalCode' })
  postalCode: string;

  @Text(100)
  town: string;

  /** One of the four districts of Nordthüringen. */
  @IsIn(DISTRICT_KEYS)
  district: District;

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

  @Matches(PHONE, { message: 'phone' })
  phone: string;

  @Email()
  email: string;

  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(300)
  website?: string | null;

  /** A few sentences about the company (shown to schools). */
  @Text(2000, { optional: true })
  description?: string;
}

export class UpdateCompanyDto extends PartialType(CompanyProfileDto) {}
