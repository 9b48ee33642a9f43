import { Module } from '@nestjs/common';
import { EventsModule } from '../../events/events.module';
import { SchoolsModule } from '../../schools/schools.module';
import { PraxistageProgram } from './praxistage.program';

/** Everything particular to the Praxistage, registered with the shared parts at start. */
@Module({
  imports: [EventsModule, SchoolsModule],
  providers: [PraxistageProgram],
})
export class PraxistageModule {}
