import { Text } from '../../common/validation/rules';

export class RejectOrganisationDto {
  /** Why the registration was rejected; shown to the organisation. */
  @Text(1000, { optional: true })
  reason?: string;
}
