import { Email, Secret } from '../../common/validation/rules';

export class LoginDto {
  @Email()
  email: string;

  @Secret()
  password: string;
}
