import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Omittable, TextList, WholeNumber } from '../../../common/validation/rules';

export class WishWeightsDto {
  /** Weight of a wish met, by rank: [rank 1, rank 2, rank 3]; default [10, 6, 3]. */
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(100, { each: true })
  ranks?: number[];

  /** Weight of a place that meets no wish; default 1. */
  @WholeNumber(0, 100, { optional: true })
  anywhere?: number;
}

export class AskProposalDto {
  @Omittable()
  @ValidateNested()
  @Type(() => WishWeightsDto)
  weights?: WishWeightsDto;

  /** Seconds the solver may take at most; default 10. */
  @WholeNumber(1, 60, { optional: true })
  timeLimitSeconds?: number;
}

export class ProposalLineChangeDto {
  @IsUUID()
  pupilId: string;

  /** The Steckbrief the pupil is proposed to instead; null drops the line (the pupil is left over). */
  @ValidateIf((_o, value) => value !== null)
  @IsUUID()
  offerId: string | null;
}

export class ChangeProposalDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProposalLineChangeDto)
  lines: ProposalLineChangeDto[];
}

export class FieldWishesDto {
  /** Occupational fields the pupil wishes, the first first (up to 3). */
  @TextList(3, 200)
  fields: string[];
}

export class RankMetDto {
  /** company: a Steckbrief applied to or marked; field: a field wished; anywhere: no wish met. */
  wish: 'company' | 'field' | 'anywhere';
  rank?: number;
}

export class ProposalLineDto {
  pupilId: string;
  firstName: string;
  lastName: string;
  className: string | null;
  schoolName: string;
  weekday: number;
  offerId: string | null;
  companyName: string | null;
  occupationalField: string | null;
  /** The company takes pupils directly: accepting places the pupil; otherwise the company is asked. */
  assignDirectly: boolean;
  rankMet: RankMetDto | null;
  /** Why the pupil is left over: no_place_on_weekday, no_place_in_allowed_field, all_taken_by_others, dropped. */
  reason: string | null;
  /** Changed by a person after the solve. */
  changed: boolean;
}

export class ProposalDto {
  id: string;
  /** queued, running, done, failed, committed (accepted), stale (refused: the input changed). */
  status: string;
  phase: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** The solver's word: Optimal, Time limit reached, … */
  solverStatus: string | null;
  objective: number | null;
  /** Proven the best possible. */
  optimal: boolean | null;
  /** Relative optimality gap when the time limit cut the solve. */
  gap: number | null;
  durationMs: number | null;
  error: string | null;
  pupils: number;
  placed: number;
  lines: ProposalLineDto[];
}
