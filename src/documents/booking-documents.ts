import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BookingReads, OccasionRow } from '../bookings/booking-reads';
import type { BookingKind } from '../bookings/booking-status';
import { BookingsService } from '../bookings/bookings.service';
import { NotFoundError } from '../common/errors/domain-error';
import type { Locale } from '../common/errors/error-messages';
import { Actor } from '../common/identity/actor';

/** A generated document, ready to download or to attach. */
export interface PdfFile {
  filename: string;
  body: Buffer;
}

/**
 * The document of one kind of booking (a stand's confirmation, a placement's agreement),
 * given by the program the kind belongs to and registered at start.
 */
export interface BookingDocumentMaker {
  kind: BookingKind;
  /**
   * The document names a pupil: it is downloaded by the people who may see the pupil and
   * never leaves by mail, whatever the mail is about.
   */
  aboutPupil: boolean;
  /** Null when the booking has no document in its state (a confirmation before it is confirmed). */
  render(manager: EntityManager, booking: OccasionRow, locale: Locale): Promise<PdfFile | null>;
}

/** The documents of bookings, whatever their program: each kind's document made by its program. */
@Injectable()
export class BookingDocuments {
  private readonly makers = new Map<BookingKind, BookingDocumentMaker>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly bookings: BookingsService,
    private readonly reads: BookingReads,
  ) {}

  register(maker: BookingDocumentMaker) {
    if (this.makers.has(maker.kind)) throw new Error(`documents of ${maker.kind} are made twice`);
    this.makers.set(maker.kind, maker);
  }

  /** Whether a booking of this kind in this state has a document (the booking's page offers it). */
  offers(kind: BookingKind, status: string): boolean {
    return this.makers.has(kind) && status === 'confirmed';
  }

  /** The booking's document, if the actor reaches the booking (else 404, as for any booking). */
  async forActor(actor: Actor, bookingId: string): Promise<PdfFile> {
    const booking = await this.bookings.get(actor, bookingId);
    const maker = this.makers.get(booking.kind);
    const [row] = await this.reads.occasionRows(this.dataSource.manager, [booking.id]);
    const file = maker && (await maker.render(this.dataSource.manager, row, actor.locale));
    if (!file) throw new NotFoundError('document');
    return file;
  }

  /**
   * The document a mail about this booking carries, in the recipient's language; never one
   * about a pupil. Rendered while the mail is composed, so it shows the booking as the mail does.
   */
  async forMail(manager: EntityManager, booking: OccasionRow, locale: Locale): Promise<PdfFile | null> {
    const maker = this.makers.get(booking.kind);
    if (!maker || maker.aboutPupil || booking.pupil_id) return null;
    return maker.render(manager, booking, locale);
  }
}
