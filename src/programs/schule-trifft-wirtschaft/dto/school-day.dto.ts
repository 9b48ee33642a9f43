import { IsIn, IsUUID } from 'class-validator';
import { Instant, Omittable, Text, WholeNumber } from '../../../common/validation/rules';
import { ROOM_KINDS, RoomKind } from '../event-room.entity';

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

  /** What the room is; a classroom unless said otherwise. Companies may need a workshop, kitchen … */
  @Omittable()
  @IsIn(ROOM_KINDS)
  kind?: RoomKind;
}
