import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import './error-catalogue';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BookingsModule } from './bookings/bookings.module';
import { CalendarModule } from './calendar/calendar.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { BodyChecksModule } from './common/validation/body-checks.module';
import { loggingOptions } from './common/http/request-logging';
import { CompaniesModule } from './companies/companies.module';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/environment';
import { DatabaseModule, DatabaseTarget } from './database/database.module';
import { DeskModule } from './desk/desk.module';
import { DocumentsModule } from './documents/documents.module';
import { EventsModule } from './events/events.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { MessagesModule } from './messages/messages.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { RetentionModule } from './retention/retention.module';
import { SchoolsModule } from './schools/schools.module';
import { WebModule } from './web/web.module';
import { HandwerkertagModule } from './programs/handwerkertag/handwerkertag.module';
import { PraxistageModule } from './programs/praxistage/praxistage.module';
import { SchuleTrifftWirtschaftModule } from './programs/schule-trifft-wirtschaft/schule-trifft-wirtschaft.module';
import { StatisticsModule } from './statistics/statistics.module';

@Module({})
export class AppModule {
  /** `database` is DATABASE_URL, or the embedded server when that is unset. */
  static forRoot(config: AppConfig, database: DatabaseTarget): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggingOptions(config)),
        DatabaseModule.forRoot(database),
        RateLimitModule,
        DeskModule,
        BodyChecksModule,
        NotificationsModule,
        DocumentsModule,
        AuditModule,
        AuthModule,
        OrganisationsModule,
        CompaniesModule,
        SchoolsModule,
        EventsModule,
        BookingsModule,
        CalendarModule,
        ExportsModule,
        StatisticsModule,
        // the programs, each from its own folder (a new program: one more line here)
        HandwerkertagModule,
        SchuleTrifftWirtschaftModule,
        PraxistageModule,
        RetentionModule,
        HealthModule,
        WebModule,
        MessagesModule,
      ],
    };
  }
}
