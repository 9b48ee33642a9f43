import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { NotFoundError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { sendPdf } from '../../../documents/pdf-response';
import { PupilDocumentsService } from './pupil-documents.service';

const { Organiser, Partner, CompanyMember, SchoolMember } = Role;

/** A year has phases 1 to 4; anything else is a phase that does not exist. */
export const phaseNumber = (phase: string) => {
  if (!/^[1-4]$/.test(phase)) throw new NotFoundError('phase');
  return Number(phase);
};

/**
 * The papers of a Praxistage year as PDF. A pupil's documents name the pupil by first
 * name, last name and class only; a school gets its own pupils', a company the agreements
 * of its placements, organisers and partners every one.
 */
@ApiTags('praxistage-year')
@Controller('api/v1/praxistage/years/:eventId')
export class PupilDocumentsController {
  constructor(private readonly documents: PupilDocumentsService) {}

  /** The agreement of a pupil's placement in a phase (pupil, guardians, company and school sign it). */
  @Get('phases/:phase/pupils/:pupilId/agreement.pdf')
  @Roles(Organiser, Partner, CompanyMember, SchoolMember)
  @ApiProduces('application/pdf')
  async agreement(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string, @Param('pupilId', UuidParam) pupilId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.agreement(actor, eventId, phaseNumber(phase), pupilId));
  }

  /** A class's agreements for a phase in one PDF, one pupil after the other. */
  @Get('phases/:phase/classes/:classId/agreements.pdf')
  @Roles(Organiser, Partner, SchoolMember)
  @ApiProduces('application/pdf')
  async classAgreements(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('phase') phase: string, @Param('classId', UuidParam) classId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.classAgreements(actor, eventId, phaseNumber(phase), classId));
  }

  /** The letter to a pupil's guardians: the programme, what is stored and for how long, and the consent slip. */
  @Get('pupils/:pupilId/guardians-letter.pdf')
  @Roles(Organiser, Partner, SchoolMember)
  @ApiProduces('application/pdf')
  async guardiansLetter(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.guardiansLetter(actor, eventId, pupilId));
  }

  /** A pupil's certificate: the companies and occupations of each phase and the practice days. */
  @Get('pupils/:pupilId/certificate.pdf')
  @Roles(Organiser, Partner, SchoolMember)
  @ApiProduces('application/pdf')
  async certificate(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.certificate(actor, eventId, pupilId));
  }

  /** A class's certificates in one PDF. */
  @Get('classes/:classId/certificates.pdf')
  @Roles(Organiser, Partner, SchoolMember)
  @ApiProduces('application/pdf')
  async classCertificates(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('classId', UuidParam) classId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.classCertificates(actor, eventId, classId));
  }
}
