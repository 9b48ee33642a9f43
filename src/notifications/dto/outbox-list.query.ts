import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { Text } from '../../common/validation/rules';

export class OutboxListQuery extends PageQuery {
  @IsOptional()
  @IsIn(['pending', 'sent', 'failed'])
  status?: 'pending' | 'sent' | 'failed';

  /** Part of the recipient's address. */
  @Text(254, { optional: true })
  recipient?: string;
}
