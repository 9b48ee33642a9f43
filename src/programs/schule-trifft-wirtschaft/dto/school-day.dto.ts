import { IsUUID } from 'class-validator';
import { Instant, Text, WholeNumber } from '../../../common/validation/rules';

export class CreatePeriodDto {
  /** 1 for the first lesson period of the day, 2 for the second … */
  @WholeNumber(1, 12)
  number: number;

  @Instant()
  startsAt: Date;

  @Instant()
  endsAt: Date;
}

export class AddEventClassDto {
  /** A class of the host school (see /schools/{schoolId}/classes). */
  @IsUUID()
  schoolClassId: string;
}

export class CreateRoomDto {
  /** e.g. "Raum 204" or "Aula". */
  @Text(100)
  name: string;
}
