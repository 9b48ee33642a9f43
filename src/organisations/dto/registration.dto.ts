import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { NewMemberDto } from '../../auth/dto/new-member.dto';
import { CompanyProfileDto } from '../../companies/dto/company-profile.dto';
import { SchoolProfileDto } from '../../schools/dto/school-profile.dto';

export class RegisterCompanyDto {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => CompanyProfileDto)
  company: CompanyProfileDto;

  /** The first member (contact person) of the company; more can be invited later. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => NewMemberDto)
  member: NewMemberDto;
}

export class RegisterSchoolDto {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SchoolProfileDto)
  school: SchoolProfileDto;

  /** The first member (coordinating teacher); colleagues can be invited later. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => NewMemberDto)
  member: NewMemberDto;
}
