import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { DeletePupilQuery, PupilDto, PupilListQuery, UpdatePupilDto } from './dto/pupil.dto';
import { PupilsService } from './pupils.service';

const EDITORS = [Role.Organiser, Role.SchoolMember];

/** Praxistage pupils of a school. Companies never list them here. */
@ApiTags('schools')
@Controller('api/v1/schools/:schoolId/pupils')
export class PupilsController {
  constructor(private readonly pupils: PupilsService) {}

  @Get()
  @Roles(Role.Organiser, Role.Partner, Role.SchoolMember)
  list(@CurrentActor() actor: Actor, @Param('schoolId', UuidParam) schoolId: string, @Query() query: PupilListQuery) {
    return this.pupils.list(actor, schoolId, query);
  }

  /** All data held on the school's pupils (access request), as JSON. */
  @Get('export')
  @Roles(Role.Organiser, Role.SchoolMember)
  exportAll(@CurrentActor() actor: Actor, @Param('schoolId', UuidParam) schoolId: string) {
    return this.pupils.exportAll(actor, schoolId);
  }

  @Post()
  @Roles(...EDITORS)
  create(@CurrentActor() actor: Actor, @Param('schoolId', UuidParam) schoolId: string, @Body() body: PupilDto) {
    return this.pupils.create(actor, schoolId, body);
  }

  @Get(':pupilId')
  @Roles(Role.Organiser, Role.Partner, Role.SchoolMember)
  get(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidParam) schoolId: string,
    @Param('pupilId', UuidParam) pupilId: string,
  ) {
    return this.pupils.get(actor, schoolId, pupilId);
  }

  @Patch(':pupilId')
  @Roles(...EDITORS)
  update(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidParam) schoolId: string,
    @Param('pupilId', UuidParam) pupilId: string,
    @Body() body: UpdatePupilDto,
  ) {
    return this.pupils.update(actor, schoolId, pupilId, body);
  }

  @Delete(':pupilId')
  @HttpCode(204)
  @Roles(...EDITORS)
  remove(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidParam) schoolId: string,
    @Param('pupilId', UuidParam) pupilId: string,
    @Query() query: DeletePupilQuery,
  ) {
    return this.pupils.remove(actor, schoolId, pupilId, query.cancelPlacements === 'true');
  }
}
