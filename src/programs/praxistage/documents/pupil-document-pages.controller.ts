import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { sendPdf } from '../../../documents/pdf-response';
import { WebExceptionFilter } from '../../../web/web-exception.filter';
import { phaseNumber } from './pupil-documents.controller';
import { PupilDocumentsService } from './pupil-documents.service';

/** The coordinator's downloads on the school's year page: a class's papers in one PDF, a pupil's letter and certificate. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('praxistage/:eventId')
@Roles(Role.SchoolMember)
export class PupilDocumentPagesController {
  constructor(private readonly documents: PupilDocumentsService) {}

  @Get('klassen/:classId/phasen/:phase/vereinbarungen.pdf')
  async classAgreements(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('classId', UuidParam) classId: string, @Param('phase') phase: string, @Res() res: Response) {
    sendPdf(res, await this.documents.classAgreements(actor, eventId, phaseNumber(phase), classId));
  }

  @Get('klassen/:classId/bescheinigungen.pdf')
  async classCertificates(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('classId', UuidParam) classId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.classCertificates(actor, eventId, classId));
  }

  @Get('schueler/:pupilId/elternbrief.pdf')
  async guardiansLetter(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.guardiansLetter(actor, eventId, pupilId));
  }

  @Get('schueler/:pupilId/bescheinigung.pdf')
  async certificate(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.certificate(actor, eventId, pupilId));
  }
}
