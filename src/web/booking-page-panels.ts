import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/identity/actor';

/** A part of a booking's page that a program adds: a partial of its own views and what it shows. */
export interface BookingPagePanel {
  partial: string;
  [value: string]: unknown;
}

export type BookingPanelSource = (actor: Actor, booking: { id: string; kind: string; status: string; eventId: string }) => Promise<BookingPagePanel | null>;

/**
 * What programs add to a booking's page (the Handwerkertag its check-in QR code), asked
 * without the shared page knowing any program by name.
 */
@Injectable()
export class BookingPagePanels {
  private readonly sources: BookingPanelSource[] = [];

  register(source: BookingPanelSource) {
    this.sources.push(source);
  }

  async of(actor: Actor, booking: Parameters<BookingPanelSource>[1]): Promise<BookingPagePanel[]> {
    const panels = await Promise.all(this.sources.map((source) => source(actor, booking)));
    return panels.filter((panel): panel is BookingPagePanel => panel !== null);
  }
}
