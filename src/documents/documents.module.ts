import { Global, Module } from '@nestjs/common';
import { BookingEngineModule } from '../bookings/booking-engine.module';
import { BookingsModule } from '../bookings/bookings.module';
import { BookingDocumentPagesController, BookingDocumentsController } from './booking-documents.controller';
import { BookingDocuments } from './booking-documents';
import { WebModule } from '../web/web.module';

/**
 * Generated PDF documents. Global: the programs register their documents here and the
 * mails attach them, without either knowing the other.
 */
@Global()
@Module({
  imports: [BookingsModule, BookingEngineModule, WebModule],
  controllers: [BookingDocumentsController, BookingDocumentPagesController],
  providers: [BookingDocuments],
  exports: [BookingDocuments],
})
export class DocumentsModule {}
