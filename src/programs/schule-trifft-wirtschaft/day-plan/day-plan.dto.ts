import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { Omittable, Text, WholeNumber } from '../../../common/validation/rules';
import { ROOM_KINDS } from '../event-room.entity';

/** Null clears the field; left out keeps it. */
const Clearable = () => ValidateIf((_object, value) => value !== undefined && value !== null);

export class ClassWishDto {
  /** An occupational field the class wants to meet, e.g. "Elektro" (matched against the companies' branches). */
  @Text(100, { optional: true })
  occupationalField?: string;

  /** Or a company registered for the day. */
  @Omittable()
  @IsUUID()
  companyId?: string;
}

export class ClassWishesDto {
  /** How many sessions the class has on the day; null: one in every period. */
  @Clearable()
  @WholeNumber(0, 12)
  sessions?: number | null;

  /** Whom the class wants to meet, the most wanted first (rank 1). Replaces the earlier wishes. */
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ClassWishDto)
  wishes: ClassWishDto[];
}

export class CompanyAvailabilityDto {
  /** How many teams the company brings: classes it can be in at once. */
  @WholeNumber(1, 20)
  teams: number;

  /** The periods of the day it is there (ids from /events/{eventId}/layout); null or left out: all. */
  @Clearable()
  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  periodIds?: string[] | null;

  /** The kind of room it needs for its hands-on part; null or left out: any room. */
  @Clearable()
  @IsIn(ROOM_KINDS.filter((kind) => kind !== 'classroom'))
  roomKind?: string | null;
}

export class ProposeDto {
  /** Solve around the pins of the open proposal (the default), or start over without them. */
  @Omittable()
  @IsBoolean()
  keepPins?: boolean;
}

export class PinDto {
  /** The proposal the host school sees: a pin on one that has been replaced is refused. */
  @IsUUID()
  proposalId: string;

  @IsUUID()
  eventClassId: string;

  @IsUUID()
  periodId: string;

  /** The company to hold this cell (a registered one); the same as proposed pins the cell as it is. */
  @IsUUID()
  companyId: string;

  /** Required when the day has rooms. */
  @Omittable()
  @IsUUID()
  roomId?: string;
}

export class CommitProposalDto {
  /** The proposal to book, as the host school saw it. */
  @IsUUID()
  proposalId: string;
}

/** A run that solves the day: asked for, going, and when done the solver's figures and the proposal it made. */
export class DayPlanRunDto {
  id: string;
  /** queued, running, done or failed; a run that is done has made the open proposal (day-plan/proposals/current). */
  status: string;
  /** Solved around the pins of the proposal open when it started. */
  keepPins: boolean;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The proposal it made, when done. */
  proposalId: string | null;
  /** The value of the plan the solver found (wishes met, companies served). */
  objective: number | null;
  /** Proven the best possible. */
  optimal: boolean | null;
  /** Relative optimality gap when the time limit cut the solve. */
  gap: number | null;
  /** How long the solve took. */
  durationMs: number | null;
  /** Why it failed. */
  error: string | null;
}
