import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../../bookings/booking-engine.module';
import { CalendarModule } from '../../calendar/calendar.module';
import { EventsModule } from '../../events/events.module';
import { ExportsModule } from '../../exports/exports.module';
import { SchoolsModule } from '../../schools/schools.module';
import { WebModule } from '../../web/web.module';
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
  imports: [TypeOrmModule.forFeature([TimeSlot]), EventsModule, ExportsModule, SchoolsModule, BookingEngineModule, CalendarModule, WebModule],
  controllers: [TimeSlotsController, HandwerkertagController, HandwerkertagPagesController],
  providers: [HandwerkertagProgram, TimeSlotsService, HandwerkertagService],
})
export class HandwerkertagModule {}
