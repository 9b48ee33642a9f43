import { HandwerkertagStart } from './handwerkertag.start';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../../bookings/booking-engine.module';
import { CalendarModule } from '../../calendar/calendar.module';
import { EventsModule } from '../../events/events.module';
import { ExportsModule } from '../../exports/exports.module';
import { SchoolsModule } from '../../schools/schools.module';
import { AuthModule } from '../../auth/auth.module';
import { BookingsModule } from '../../bookings/bookings.module';
import { WebModule } from '../../web/web.module';
import { CheckInCodes } from './check-in/check-in-codes';
import { CheckInPagesController } from './check-in/check-in-pages.controller';
import { CheckInController } from './check-in/check-in.controller';
import { CheckInSetup } from './check-in/check-in.setup';
import { CheckInsService } from './check-in/check-ins.service';
import { DoorLoginsService } from './check-in/door-logins.service';
import { LiveFigures } from './check-in/live-figures';
import { HandwerkertagPagesController } from './handwerkertag-pages.controller';
import { HandwerkertagController } from './handwerkertag.controller';
import { HandwerkertagProgram } from './handwerkertag.program';
import { HandwerkertagService } from './handwerkertag.service';
import { TimeSlot } from './time-slot.entity';
import { TimeSlotsController } from './time-slots.controller';
import { TimeSlotsService } from './time-slots.service';

/**
 * The Handwerkertag: a one-day fair with stands and visiting time slots. Everything
 * particular to it lives in this folder and is registered with the shared parts at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TimeSlot]), EventsModule, ExportsModule, SchoolsModule, BookingEngineModule, CalendarModule, WebModule, AuthModule, BookingsModule],
  controllers: [TimeSlotsController, HandwerkertagController, HandwerkertagPagesController, CheckInController, CheckInPagesController],
  providers: [HandwerkertagProgram, TimeSlotsService, HandwerkertagService, HandwerkertagStart, CheckInCodes, CheckInsService, LiveFigures, DoorLoginsService, CheckInSetup],
  // the confirmation documents draw the class visit's QR code from CheckInCodes.addressFor
  exports: [CheckInCodes],
})
export class HandwerkertagModule {}
