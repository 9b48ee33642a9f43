import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { Booking } from './booking.entity';
import { BookingKind } from './booking-status';
import { ConfirmBookingDto } from './dto/booking-actions.dto';
import type { Words } from '../desk/desk-registry';

/**
 * What is particular to one kind of booking, told to the shared booking rules by the
 * program the kind belongs to (registered at start): the engine and the bookings service
 * ask here instead of naming kinds.
 */
export interface BookingKindRules {
  kind: BookingKind;
  /** Always waits for the organiser's decision, whatever the event says (a stand: it gets its number then). */
  alwaysNeedsApproval?: boolean;
  /**
   * The organiser confirms a pending booking: checks what the confirmation brings and says
   * what it sets on the booking. Without it, a confirmation brings nothing but itself.
   */
  confirmation?(booking: Booking, dto: ConfirmBookingDto): Partial<Booking>;
  /**
   * How the organiser's desk shows pending bookings of this kind (a stand application to
   * decide); `false` where a pending booking waits for someone else (an offered Praxistage
   * place waits for the pupil). Without it they are "bookings to confirm".
   */
  pendingOnDesk?: { kind: string; anchor: string; words: (count: number) => Words } | false;
  /** What ends with a cancelled booking of this kind, in the same transaction (a day's registration takes its sessions). */
  afterCancel?(manager: EntityManager, booking: Booking, actor: Actor): Promise<void>;
}

@Injectable()
export class BookingKinds {
  private readonly rules = new Map<BookingKind, BookingKindRules>();

  register(rules: BookingKindRules) {
    if (this.rules.has(rules.kind)) throw new Error(`booking kind ${rules.kind} is registered twice`);
    this.rules.set(rules.kind, rules);
  }

  of(kind: BookingKind): BookingKindRules | undefined {
    return this.rules.get(kind);
  }
}
