import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { SchoolClassDto, UpdateSchoolClassDto } from './dto/school-class.dto';
import { SchoolClassesService } from './school-classes.service';

const EDITORS = [Role.Organiser, Role.SchoolMember];

@ApiTags('schools')
@Controller('api/v1/schools/:schoolId/classes')
export class SchoolClassesController {
  constructor(private readonly classes: SchoolClassesService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Param('schoolId', UuidParam) schoolId: string) {
    return this.classes.list(actor, schoolId);
  }

  @Post()
  @Roles(...EDITORS)
  create(@CurrentActor() actor: Actor, @Param('schoolId', UuidParam) schoolId: string, @Body() body: SchoolClassDto) {
    return this.classes.create(actor, schoolId, body);
  }

  @Get(':classId')
  get(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidParam) schoolId: string,
    @Param('classId', UuidParam) classId: string,
  ) {
    return this.classes.get(actor, schoolId, classId);
  }

  @Patch(':classId')
  @Roles(...EDITORS)
  update(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidParam) schoolId: string,
    @Param('classId', UuidParam) classId: string,
    @Body() body: UpdateSchoolClassDto,
  ) {
    return this.classes.update(actor, schoolId, classId, body);
  }

  @Delete(':classId')
  @HttpCode(204)
  @Roles(...EDITORS)
  remove(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidParam) schoolId: string,
    @Param('classId', UuidParam) classId: string,
  ) {
    return this.classes.remove(actor, schoolId, classId);
  }
}
