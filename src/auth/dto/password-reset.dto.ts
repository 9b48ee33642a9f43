import { Email, Secret } from '../../common/validation/rules';

export class PasswordResetRequestDto {
  @Email()
  email: string;
}

export class PasswordResetDto {
  /** The secret from the link in the mail. */
  @Secret()
  token: string;

  /** The new password (at least PASSWORD_MIN_LENGTH characters). */
  @Secret()
  password: string;
}
