import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** Attendee lists as CSV, .xlsx and printable pages. */
@Module({
  imports: [EventsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
