import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../../bookings/booking-engine.module';
import { CalendarModule } from '../../calendar/calendar.module';
import { EventsModule } from '../../events/events.module';
import { ExportsModule } from '../../exports/exports.module';
import { SchoolsModule } from '../../schools/schools.module';
import { WebModule } from '../../web/web.module';
import { EventClass } from './event-class.entity';
import { EventPeriod } from './event-period.entity';
import { EventRoom } from './event-room.entity';
import { SchoolDayBookingsController } from './school-day-bookings.controller';
import { SchoolDayBookingsService } from './school-day-bookings.service';
import { SchoolDayPagesController } from './school-day-pages.controller';
import { SchoolDayView } from './school-day-view';
import { SchoolDayController } from './school-day.controller';
import { SchoolDayService } from './school-day.service';
import { SchuleTrifftWirtschaftProgram } from './schule-trifft-wirtschaft.program';
import { DayPlanCommitService } from './day-plan/day-plan-commit.service';
import { DayPlanInputLoader } from './day-plan/day-plan-input.loader';
import { DayPlanProposalsService } from './day-plan/day-plan-proposals.service';
import { DayPlanWishesService } from './day-plan/day-plan-wishes.service';
import { DayPlanController } from './day-plan/day-plan.controller';
import { workerLpSolver } from './day-plan/worker-lp-solver';
import { AllocationModule } from '../../allocation/allocation.module';
import { SolverRunner } from '../../allocation/solver-runner';
import { LP_SOLVER } from './day-plan/lp-solver';
import { DayPlanPageContext } from './pages/day-plan-page.context';
import { DayPlanPagesController } from './pages/day-plan-pages.controller';
import { DayPlanPagesSetup } from './pages/day-plan-pages.setup';

/**
 * Schule trifft Wirtschaft: companies come to one school for a day and present in its
 * classes. Everything particular to it lives in this folder and is registered with the
 * shared parts at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([EventPeriod, EventClass, EventRoom]), EventsModule, ExportsModule, SchoolsModule, BookingEngineModule, CalendarModule, WebModule, AllocationModule],
  controllers: [SchoolDayController, SchoolDayBookingsController, SchoolDayPagesController, DayPlanController, DayPlanPagesController],
  providers: [
    SchuleTrifftWirtschaftProgram, SchoolDayView, SchoolDayService, SchoolDayBookingsService,
    DayPlanInputLoader, DayPlanWishesService, DayPlanProposalsService, DayPlanCommitService, DayPlanPageContext, DayPlanPagesSetup,
    // the merge with the shared allocation runner replaces this with its worker-thread solver
    { provide: LP_SOLVER, useFactory: workerLpSolver, inject: [SolverRunner] },
  ],
})
export class SchuleTrifftWirtschaftModule {}
