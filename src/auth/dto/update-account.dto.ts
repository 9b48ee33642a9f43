import { IsIn } from 'class-validator';
import { Text, Omittable } from '../../common/validation/rules';

export class UpdateAccountDto {
  @Text(200, { optional: true })
  name?: string;

  @Omittable()
  @IsIn(['de', 'en'])
  locale?: 'de' | 'en';
}
