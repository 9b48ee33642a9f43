import { IsBoolean, IsDefined, IsIn, IsUUID } from 'class-validator';
import { Text, TextList, WholeNumber } from '../../../common/validation/rules';

export class StandApplicationDto {
  /** Size wanted, e.g. "3 x 3 m". */
  @Text(50)
  standSize: string;

  @IsIn(['indoor', 'outdoor'])
  location: 'indoor' | 'outdoor';

  @IsDefined()
  @IsBoolean()
  powerNeeded: boolean;

  /** The Mitmachaktion: what pupils can try at the stand. */
  @Text(1000)
  handsOnActivity: string;

  /** Apprenticeships (Ausbildungsberufe) advertised at the stand. */
  @TextList(30, 100)
  apprenticeships?: string[];

  /** Internships (Praktika) advertised at the stand. */
  @TextList(30, 100)
  internships?: string[];

  /** How many staff will be at the stand. */
  @WholeNumber(1, 50)
  staffCount: number;
}

export class ClassVisitDto {
  @IsUUID()
  timeSlotId: string;

  /** One of the school's classes; a class visits the fair once. */
  @IsUUID()
  schoolClassId: string;

  @WholeNumber(1, 60)
  pupils: number;

  /** Accompanying teachers; they count against the slot's places too. */
  @WholeNumber(0, 10)
  teachers: number;
}

export class MoveClassVisitDto {
  /** The time slot of the same fair the class comes in instead. */
  @IsUUID()
  timeSlotId: string;

  /** Why (shown in the booking's history and the mail), e.g. "Bus kommt später". */
  @Text(500, { optional: true })
  reason?: string;
}
