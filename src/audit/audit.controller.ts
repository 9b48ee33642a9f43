import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { AuditQuery } from './audit.query';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('api/v1/audit')
@Roles(Role.Organiser)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Who changed which booking, profile or event, when, from what to what; filterable. */
  @Get()
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }
}
