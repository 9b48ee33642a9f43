import { PartialType } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { CalendarDate, Text, Omittable, NOT_NULL } from '../../common/validation/rules';

/**
 * A pupil for Praxistage: first name, last name, class, and the day the parents' consent
 * was recorded. Nothing more may be stored about a minor.
 */
export class PupilDto {
  @Text(100)
  firstName: string;

  @Text(100)
  lastName: string;

  /** A class of the same school. */
  @IsUUID()
  classId: string;

  /** Day the school recorded the consent, YYYY-MM-DD. Without consent a pupil cannot be added. */
  @CalendarDate()
  consentRecordedOn: string;
}

export class UpdatePupilDto extends PartialType(PupilDto, NOT_NULL) {}

export class DeletePupilQuery {
  /** `true`: cancel the pupil's live placements along with the deletion. */
  @Omittable()
  @IsIn(['true', 'false'])
  cancelPlacements?: 'true' | 'false';
}

export class PupilListQuery {
  @Omittable()
  @IsUUID()
  classId?: string;
}
