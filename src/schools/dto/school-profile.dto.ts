import { PartialType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Text, NOT_NULL } from '../../common/validation/rules';
import { OrganisationProfileDto } from '../../organisations/dto/organisation-profile.dto';
import { SCHOOL_TYPE_KEYS, SchoolType } from '../../organisations/region';

export class SchoolProfileDto extends OrganisationProfileDto {
  @IsIn(SCHOOL_TYPE_KEYS)
  schoolType: SchoolType;

  /** The teacher who coordinates career orientation. */
  @Text(200)
  coordinator: string;
}

export class UpdateSchoolDto extends PartialType(SchoolProfileDto, NOT_NULL) {}
