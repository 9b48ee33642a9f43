import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MembersService } from './members.service';
import { OrganisationDecisionsService } from './organisation-decisions.service';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';
import { OrganisationsDesk } from './organisations.desk';

/** What companies and schools share: registration, approval by an organiser, members. */
@Module({
  imports: [AuthModule],
  controllers: [RegistrationController],
  providers: [OrganisationsDesk, OrganisationDecisionsService, MembersService, RegistrationService],
  exports: [OrganisationDecisionsService, MembersService, RegistrationService],
})
export class OrganisationsModule {}
