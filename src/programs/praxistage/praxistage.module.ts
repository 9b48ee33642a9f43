import { PupilDocumentFacts } from './documents/pupil-document-facts';
import { PupilDocumentPagesController } from './documents/pupil-document-pages.controller';
import { PupilDocumentsController } from './documents/pupil-documents.controller';
import { PupilDocumentsService } from './documents/pupil-documents.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../../bookings/booking-engine.module';
import { BookingsModule } from '../../bookings/bookings.module';
import { CalendarModule } from '../../calendar/calendar.module';
import { EventsModule } from '../../events/events.module';
import { ExportsModule } from '../../exports/exports.module';
import { SchoolsModule } from '../../schools/schools.module';
import { WebModule } from '../../web/web.module';
import { OfferPagesController } from './offer-pages.controller';
import { OfferWeekday } from './offer-weekday.entity';
import { PlacementException } from './placement-exception.entity';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';
import { PracticumOffer } from './practicum-offer.entity';
import { PracticumOffersController } from './practicum-offers.controller';
import { PracticumOffersService } from './practicum-offers.service';
import { PraxistagePagesController } from './praxistage-pages.controller';
import { PraxistageProgram } from './praxistage.program';
import { YearsService } from './year/years.service';
import { YearsController } from './year/years.controller';
import { ParticipationService } from './year/participation.service';
import { ParticipationController } from './year/participation.controller';
import { SteckbriefeService } from './steckbriefe/steckbriefe.service';
import { SteckbriefeController } from './steckbriefe/steckbriefe.controller';
import { ApplicationsService } from './applications/applications.service';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationMails } from './applications/application-mails';
import { ApplicationJobs } from './applications/application-jobs';
import { YearOverviewService } from './overview/year-overview.service';
import { OutcomesService } from './overview/outcomes.service';
import { OverviewController } from './overview/overview.controller';
import { PupilSessionsService } from './pupil-access/pupil-sessions.service';
import { PupilGuard } from './pupil-access/pupil.guard';
import { PupilController } from './pupil-access/pupil.controller';
import { PupilPagesController } from './pages/pupil-pages.controller';
import { YearPagesController } from './pages/year-pages.controller';
import { SchoolYearPagesController } from './pages/school-year-pages.controller';
import { SteckbriefPagesController } from './pages/steckbrief-pages.controller';
import { CompanyApplicationsPagesController } from './pages/company-applications-pages.controller';
import { YearPageContexts } from './pages/year-page-contexts';
import { YearPagesSetup } from './pages/year-pages.setup';
import { YearStart } from './overview/year.start';
import { YearDesk } from './overview/year.desk';
import { AuditModule } from '../../audit/audit.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { AllocationModule } from '../../allocation/allocation.module';
import { PhaseProposalInput } from './allocation/phase-proposal.input';
import { PhaseProposalsService } from './allocation/phase-proposals.service';
import { ProposalAcceptance } from './allocation/proposal-acceptance';
import { FieldWishesService } from './allocation/field-wishes.service';
import { SteckbriefMarksService } from './allocation/steckbrief-marks.service';
import { FieldWishesController, ProposalsController } from './allocation/proposals.controller';
import { ProposalPagesController } from './pages/proposal-pages.controller';

/**
 * The Praxistage: pupils spend one day a week in a company, on practicum offers with places
 * per weekday. Everything particular to them lives in this folder and is registered with
 * the shared parts at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PracticumOffer, OfferWeekday, PlacementException]), EventsModule, ExportsModule, SchoolsModule, BookingEngineModule, BookingsModule, CalendarModule, WebModule, AuditModule, NotificationsModule, AllocationModule],
  controllers: [
    PracticumOffersController,
    PlacementsController,
    PraxistagePagesController,
    OfferPagesController,
    YearsController,
    ParticipationController,
    SteckbriefeController,
    ApplicationsController,
    OverviewController,
    PupilController,
    PupilPagesController,
    YearPagesController,
    SchoolYearPagesController,
    SteckbriefPagesController,
    CompanyApplicationsPagesController,
    ProposalsController,
    FieldWishesController,
    ProposalPagesController,
    PupilDocumentsController,
    PupilDocumentPagesController,
  ],
  providers: [
    PraxistageProgram,
    PracticumOffersService,
    PlacementsService,
    YearsService,
    ParticipationService,
    SteckbriefeService,
    ApplicationsService,
    ApplicationMails,
    ApplicationJobs,
    YearOverviewService,
    OutcomesService,
    PupilSessionsService,
    PupilGuard,
    YearPageContexts,
    YearPagesSetup,
    YearDesk,
    YearStart,
    PhaseProposalInput,
    PhaseProposalsService,
    ProposalAcceptance,
    FieldWishesService,
    SteckbriefMarksService,
    PupilDocumentFacts,
    PupilDocumentsService,
  ],
})
export class PraxistageModule {}
