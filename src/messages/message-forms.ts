import { IsUUID } from 'class-validator';
import { BOOKING_STATUSES, LIVE } from '../bookings/booking-status';
import type { Locale } from '../common/errors/error-messages';
import { text } from '../web/web-context';
import { EventMessageDto, ORGANISATION_KINDS } from './dto/event-message.dto';

/**
 * The sending form of the preview page: the message as previewed, and a key made for that
 * preview, so that a double-click sends once.
 */
export class SendMessageForm extends EventMessageDto {
  @IsUUID()
  sendKey: string;
}

/** What a new message starts with: to everyone with a live booking. */
export const NEW_MESSAGE = { statuses: [...LIVE], organisationKinds: [...ORGANISATION_KINDS], slotIds: [] as string[] };

/** The form as the DTO reads it: a group of checkboxes arrives as one value, several, or none. */
export function messageInput(body: Record<string, unknown>): Record<string, unknown> {
  const list = (value: unknown) => ([] as unknown[]).concat(value ?? []);
  return { ...body, statuses: list(body.statuses), slotIds: list(body.slotIds), organisationKinds: list(body.organisationKinds) };
}

/** The checkboxes of the filter, each ticked as in `values`. */
export function filterChoices(locale: Locale, values: Record<string, unknown>, slots: Array<{ id: string; startsAt: Date; endsAt: Date }>) {
  const ticked = (field: string, value: string) => ([] as unknown[]).concat(values[field] ?? []).includes(value);
  return {
    statuses: BOOKING_STATUSES.map((value) => ({ value, label: text(locale, `status.${value}`), checked: ticked('statuses', value) })),
    organisationKinds: ORGANISATION_KINDS.map((value) => ({ value, label: text(locale, `messages.kind.${value}`), checked: ticked('organisationKinds', value) })),
    slots: slots.map((slot) => ({ value: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, checked: ticked('slotIds', slot.id) })),
  };
}
