import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { BookingDocuments } from './booking-documents';
import { WebExceptionFilter } from '../web/web-exception.filter';
import { sendPdf } from './pdf-response';

const MEMBERS = [Role.Organiser, Role.Partner, Role.CompanyMember, Role.SchoolMember];

@ApiTags('bookings')
@Controller('api/v1/bookings')
export class BookingDocumentsController {
  constructor(private readonly documents: BookingDocuments) {}

  /** The booking's document as PDF (a confirmation, a placement's agreement); 404 where its kind or state has none. */
  @Get(':bookingId/document.pdf')
  @Roles(...MEMBERS)
  @ApiProduces('application/pdf')
  async document(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.forActor(actor, bookingId));
  }
}

/** The same document from the booking's page. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('buchungen')
export class BookingDocumentPagesController {
  constructor(private readonly documents: BookingDocuments) {}

  @Get(':bookingId/dokument.pdf')
  @Roles(...MEMBERS)
  async document(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string, @Res() res: Response) {
    sendPdf(res, await this.documents.forActor(actor, bookingId));
  }
}
