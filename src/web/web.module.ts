import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BookingsModule } from '../bookings/bookings.module';
import { CalendarModule } from '../calendar/calendar.module';
import { EventsModule } from '../events/events.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SchoolsModule } from '../schools/schools.module';
import { AccountPagesController } from './account-pages.controller';
import { AdminPagesController } from './admin-pages.controller';
import { MemberPagesController } from './member-pages.controller';
import { PageRenderer } from './page-renderer';
import { PublicPagesController } from './public-pages.controller';
import { WebExceptionFilter } from './web-exception.filter';

/** The pages people use: server-rendered, German first, working without JavaScript. */
@Module({
  imports: [AuthModule, OrganisationsModule, SchoolsModule, EventsModule, BookingsModule, CalendarModule],
  controllers: [PublicPagesController, AccountPagesController, MemberPagesController, AdminPagesController],
  providers: [PageRenderer, WebExceptionFilter, PublicPagesController],
})
export class WebModule {}
