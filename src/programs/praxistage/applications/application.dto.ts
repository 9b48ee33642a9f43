import { IsIn, IsUUID } from 'class-validator';
import { Instant, Omittable, Text, WholeNumber } from '../../../common/validation/rules';
import { APPLICATION_STATUSES, ApplicationStatus } from './application-status';

export class ApplyDto {
  /** The Steckbrief applied to. */
  @IsUUID()
  offerId: string;

  /** A few words to the company (optional). */
  @Text(1000, { optional: true })
  message?: string;
}

export class InterviewDto {
  /** When; without an offset German time, e.g. "2027-01-20T14:00". */
  @Instant()
  at: Date;

  /** Where, e.g. "Werkstatt, Halle 2". */
  @Text(300)
  place: string;

  @Text(1000, { optional: true })
  note?: string;
}

export class DeclineDto {
  @Text(1000, { optional: true })
  reason?: string;
}

export class ApplicationListQuery {
  @WholeNumber(1, 4, { optional: true })
  phase?: number;

  @WholeNumber(1, 5, { optional: true })
  weekday?: number;

  @Omittable()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  /** A school's view: the applications of one pupil. */
  @Omittable()
  @IsUUID()
  pupilId?: string;
}

export class OutcomeDto {
  /** The Praxistage placement the former pupil had with the company. */
  @IsUUID()
  bookingId: string;

  @IsIn(['apprenticeship', 'internship'])
  kind: 'apprenticeship' | 'internship';
}
