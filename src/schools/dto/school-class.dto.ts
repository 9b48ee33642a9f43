import { PartialType } from '@nestjs/swagger';
import { Text, WholeNumber, NOT_NULL } from '../../common/validation/rules';

export class SchoolClassDto {
  /** e.g. "8a". */
  @Text(20)
  name: string;

  /** Grade 5 to 13. */
  @WholeNumber(5, 13)
  grade: number;

  @WholeNumber(0, 60)
  pupilCount: number;

  @Text(200)
  classTeacher: string;
}

export class UpdateSchoolClassDto extends PartialType(SchoolClassDto, NOT_NULL) {}
