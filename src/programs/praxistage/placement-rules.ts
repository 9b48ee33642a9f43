/**
 * The rules of a Praxistage year that decide whether a pupil may take a place, in one place
 * for everyone who applies them: applications, the proposal's model, and changes of a
 * proposal's lines. The database keeps the last word on the company and field rule
 * (unique indexes on confirmed placements); these say it before, in words.
 */
export interface EarlierPlacement {
  companyId: string;
  occupationalField: string;
}

export interface PupilOfPhase {
  /** The practice weekday: the class's own, else the school's. */
  weekday: number;
  /** A pupil (e.g. of a Förderzentrum) who may stay with a company and field. */
  mayStay: boolean;
  /** The pupil's confirmed placements in the other phases of the year. */
  earlier: EarlierPlacement[];
}

export interface PlaceOfPhase {
  companyId: string;
  occupationalField: string;
  weekday: number;
}

export type PlacementRule = 'practice_weekday' | 'same_company_again' | 'same_field_again';

/** "4 phases – 4 companies – 4 occupations": the rule a place breaks for the pupil, or null. */
export function companyAndFieldRule(pupil: Pick<PupilOfPhase, 'mayStay' | 'earlier'>, place: Omit<PlaceOfPhase, 'weekday'>): 'same_company_again' | 'same_field_again' | null {
  if (pupil.mayStay) return null;
  if (pupil.earlier.some((p) => p.companyId === place.companyId)) return 'same_company_again';
  if (pupil.earlier.some((p) => p.occupationalField === place.occupationalField)) return 'same_field_again';
  return null;
}

/** Every rule of a place for a pupil: on the pupil's practice weekday, then company and field. */
export function brokenRule(pupil: PupilOfPhase, place: PlaceOfPhase): PlacementRule | null {
  if (place.weekday !== pupil.weekday) return 'practice_weekday';
  return companyAndFieldRule(pupil, place);
}
