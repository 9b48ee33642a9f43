import { PartialType } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { Email, PHONE, POSTAL_CODE, Text } from '../../common/validation/rules';
import { District, DISTRICT_KEYS, SCHOOL_TYPE_KEYS, SchoolType } from '../../organisations/region';

export class SchoolProfileDto {
  /** e.g. "Lessingschule Nordhausen". */
  @Text(200)
  name: string;

  @IsIn(SCHOOL_TYPE_KEYS)
  schoolType: SchoolType;

  @Text(200)
  street: string;

  @Matches(POSTAL_CODE, { message: 'postalCode' })
  postalCode: string;

  @Text(100)
  town: string;

  @IsIn(DISTRICT_KEYS)
  district: District;

  /** The teacher who coordinates career orientation. */
  @Text(200)
  coordinator: string;

  @Matches(PHONE, { message: 'phone' })
  phone: string;

  @Email()
  email: string;
}

export class UpdateSchoolDto extends PartialType(SchoolProfileDto) {}
