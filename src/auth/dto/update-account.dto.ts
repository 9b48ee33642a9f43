import { IsIn, IsOptional } from 'class-validator';
import { Text } from '../../common/validation/rules';

export class UpdateAccountDto {
  @Text(200, { optional: true })
  name?: string;

  @IsOptional()
  @IsIn(['de', 'en'])
  locale?: 'de' | 'en';
}
