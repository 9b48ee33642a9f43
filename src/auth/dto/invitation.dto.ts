import { IsIn } from 'class-validator';
import { Email, Secret, Text, Omittable } from '../../common/validation/rules';
import { Role } from '../../common/identity/role';

export class CreateInvitationDto {
  @Email()
  email: string;

  /**
   * Organisers invite staff and choose `organiser` or `partner`. Members invite colleagues
   * into their own organisation and leave it out.
   */
  @Omittable()
  @IsIn([Role.Organiser, Role.Partner])
  role?: Role.Organiser | Role.Partner;
}

export class AcceptInvitationDto {
  /** The secret from the invitation link. */
  @Secret()
  token: string;

  @Text(200)
  name: string;

  @Secret()
  password: string;

  @Omittable()
  @IsIn(['de', 'en'])
  locale?: 'de' | 'en';
}
