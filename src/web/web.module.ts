import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { BookingsModule } from '../bookings/bookings.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CompaniesModule } from '../companies/companies.module';
import { RetentionModule } from '../retention/retention.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { EventsModule } from '../events/events.module';
import { ExportsModule } from '../exports/exports.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SchoolsModule } from '../schools/schools.module';
import { AccountPagesController } from './account-pages.controller';
import { AdminPagesController } from './admin-pages.controller';
import { EventStatusPagesController } from './event-status-pages.controller';
import { EventEditingPagesController } from './event-editing-pages.controller';
import { EventBookingsPagesController } from './event-bookings-pages.controller';
import { AdminEventPage } from './admin-event-page';
import { EventPage } from './event-page';
import { MemberPagesController } from './member-pages.controller';
import { OrganisationAdminPagesController } from './organisation-admin-pages.controller';
import { OrganisationPagesController } from './organisation-pages.controller';
import { BookingPagePanels } from './booking-page-panels';
import { PageRenderer } from './page-renderer';
import { ProfilePagesController } from './profile-pages.controller';
import { PublicPagesController } from './public-pages.controller';
import { StatisticsPagesController } from './statistics-pages.controller';
import { WebExceptionFilter } from './web-exception.filter';

/** The pages people use: server-rendered, German first, working without JavaScript. */
@Module({
  imports: [AuthModule, BookingEngineModule, OrganisationsModule, SchoolsModule, CompaniesModule, EventsModule, ExportsModule, BookingsModule, CalendarModule, StatisticsModule, RetentionModule],
  controllers: [PublicPagesController, AccountPagesController, MemberPagesController, ProfilePagesController, OrganisationPagesController, OrganisationAdminPagesController, AdminPagesController, StatisticsPagesController, EventStatusPagesController, EventEditingPagesController, EventBookingsPagesController],
  providers: [PageRenderer, WebExceptionFilter, EventPage, AdminEventPage, BookingPagePanels],
  // what the programs' own pages build on
  exports: [PageRenderer, WebExceptionFilter, EventPage, AdminEventPage, BookingPagePanels],
})
export class WebModule {}
