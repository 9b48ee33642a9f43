import { IsIn } from 'class-validator';
import { Email, Secret, Text, Omittable } from '../../common/validation/rules';

/** The person who registers an organisation or accepts an invitation. */
export class NewMemberDto {
  /** Full name, e.g. "Anna Schmidt". */
  @Text(200)
  name: string;

  @Email()
  email: string;

  /** At least PASSWORD_MIN_LENGTH characters (10 by default). */
  @Secret()
  password: string;

  /** Language of pages and mails: German (default) or English. */
  @Omittable()
  @IsIn(['de', 'en'])
  locale?: 'de' | 'en';
}
