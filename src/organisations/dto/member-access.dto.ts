import { Text } from '../../common/validation/rules';

/** Deactivating or reactivating a member: why, for the organisation's history. */
export class MemberAccessDto {
  /** E.g. "hat den Betrieb verlassen"; stays in the organisation's history. */
  @Text(1000, { optional: true })
  reason?: string;
}
