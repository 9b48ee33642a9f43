import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { AttendeeLists } from './attendee-lists';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** Attendee lists as CSV, .xlsx and printable pages; the programs register which lists they have. */
@Module({
  imports: [EventsModule],
  controllers: [ExportsController],
  providers: [ExportsService, AttendeeLists],
  exports: [AttendeeLists],
})
export class ExportsModule {}
