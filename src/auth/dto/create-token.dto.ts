import { Text, WholeNumber } from '../../common/validation/rules';

export class CreateTokenDto {
  /** What the token is for, e.g. "Schulverwaltung". */
  @Text(100)
  name: string;

  /** Days until it expires (1–730); without: until revoked. */
  @WholeNumber(1, 730, { optional: true })
  expiresInDays?: number;
}
