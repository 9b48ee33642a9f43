import { IsUUID } from 'class-validator';
import { Text, WholeNumber, Omittable } from '../../../common/validation/rules';

export class SessionDto {
  /** A participating class of the day (from /events/{eventId}/layout). */
  @IsUUID()
  eventClassId: string;

  @IsUUID()
  periodId: string;

  @Omittable()
  @IsUUID()
  roomId?: string;

  /** Which of the company's teams (a company may bring several); 1 by default. */
  @WholeNumber(1, 20, { optional: true })
  team?: number;

  /** The host school and organisers name the company; a company books for itself and leaves it out. */
  @Omittable()
  @IsUUID()
  companyId?: string;
}

export class RegistrationListQuery {
  /** Only companies of this branch / occupational field (case-insensitive part of it). */
  @Text(100, { optional: true })
  branch?: string;
}
