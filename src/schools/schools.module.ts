import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PupilsController } from './pupils.controller';
import { Pupil } from './pupil.entity';
import { PupilsService } from './pupils.service';
import { SchoolClassesController } from './school-classes.controller';
import { SchoolClassesService } from './school-classes.service';
import { SchoolClass } from './school-class.entity';
import { School } from './school.entity';
import { SchoolsController } from './schools.controller';
import { SchoolsService } from './schools.service';

@Module({
  imports: [TypeOrmModule.forFeature([School, SchoolClass, Pupil]), OrganisationsModule, BookingEngineModule],
  controllers: [SchoolsController, SchoolClassesController, PupilsController],
  providers: [SchoolsService, SchoolClassesService, PupilsService],
  exports: [SchoolsService, SchoolClassesService, PupilsService],
})
export class SchoolsModule {}
