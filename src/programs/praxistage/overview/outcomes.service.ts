import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { DomainError, invalidField } from '../../../common/errors/domain-error';
import { isUniqueViolation } from '../../../database/pg-errors';
import { BookingsService } from '../../../bookings/bookings.service';
import { OutcomeDto } from '../applications/application.dto';

/**
 * After the year a company records that a former Praxistage pupil received an
 * apprenticeship or a further internship offer. Only the kind, field and district are
 * kept, tied to the placement; the placement itself forgets the pupil on schedule.
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bookings: BookingsService,
  ) {}

  async record(actor: Actor, dto: OutcomeDto) {
    const booking = await this.bookings.get(actor, dto.bookingId).catch(() => {
      throw invalidField('bookingId', 'notYourPlacement', 'reference');
    });
    if (booking.kind !== 'placement' || !booking.phaseId || booking.status !== 'confirmed' || booking.companyId !== actor.companyId) {
      throw invalidField('bookingId', 'notYourPlacement', 'reference');
    }
    try {
      const [row] = await this.dataSource.query(
        `INSERT INTO praxistage_outcomes (booking_id, event_id, company_id, kind, occupational_field, district, recorded_by)
         SELECT $1, $2, $3, $4, $5, coalesce(o.district, c.district), $6 FROM practicum_offers o JOIN companies c ON c.id = o.company_id WHERE o.id = $7
         RETURNING id, booking_id AS "bookingId", kind, occupational_field AS "occupationalField", district, recorded_at AS "recordedAt"`,
        [booking.id, booking.eventId, booking.companyId, dto.kind, booking.occupationalField, actor.userId, booking.offerId],
      );
      return row;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('already_recorded');
      throw error;
    }
  }
}
