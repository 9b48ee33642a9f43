import { DataSource } from 'typeorm';

/**
 * What must hold for the bookings of some events whatever order their changes ran in.
 * Returns every broken rule as a sentence (empty when all hold), so that a failing model
 * run says all it found at once.
 */
export async function brokenBookingRules(dataSource: DataSource, eventIds: string[]): Promise<string[]> {
  const broken: string[] = [];
  const pools: Array<{ id: string; capacity: number; booked: number; event_status: string }> = await dataSource.query(
    `SELECT b.id, b.capacity, b.booked, e.status AS event_status FROM bookables b JOIN events e ON e.id = b.event_id WHERE b.event_id = ANY($1)`,
    [eventIds],
  );
  const bookings: Array<{ id: string; bookable_id: string | null; status: string; quantity: number; version: number; queued_at: string; event_status: string }> =
    await dataSource.query(
      `SELECT b.id, b.bookable_id, b.status, b.quantity, b.version, (extract(epoch FROM b.created_at) * 1000000)::bigint::text AS queued_at, e.status AS event_status
         FROM bookings b JOIN events e ON e.id = b.event_id WHERE b.event_id = ANY($1)`,
      [eventIds],
    );
  const changes: Array<{ id: string; booking_id: string; change: string; from_status: string | null; to_status: string; booking_version: number }> =
    await dataSource.query(
      `SELECT c.id, c.booking_id, c.change, c.from_status, c.to_status, c.booking_version
         FROM booking_changes c JOIN bookings b ON b.id = c.booking_id WHERE b.event_id = ANY($1) ORDER BY c.id`,
      [eventIds],
    );

  for (const pool of pools) {
    const mine = bookings.filter((b) => b.bookable_id === pool.id);
    const held = mine.filter((b) => ['pending', 'confirmed'].includes(b.status)).reduce((n, b) => n + b.quantity, 0);
    if (pool.booked > pool.capacity) broken.push(`pool ${pool.id}: ${pool.booked} booked of ${pool.capacity}`);
    if (pool.booked !== held) broken.push(`pool ${pool.id}: counter ${pool.booked}, but its pending and confirmed bookings hold ${held}`);
    const free = pool.capacity - pool.booked;
    if (['published', 'closed'].includes(pool.event_status)) {
      for (const waiting of mine.filter((b) => b.status === 'waitlisted' && b.quantity <= free)) {
        broken.push(`pool ${pool.id}: booking ${waiting.id} for ${waiting.quantity} waits although ${free} are free`);
      }
    }
    if (pool.event_status === 'cancelled') {
      const live = mine.filter((b) => ['pending', 'confirmed', 'waitlisted'].includes(b.status));
      if (live.length > 0) broken.push(`pool ${pool.id}: ${live.length} live bookings in a cancelled event`);
    }
  }

  const historyOf = new Map<string, typeof changes>();
  for (const change of changes) historyOf.set(change.booking_id, [...(historyOf.get(change.booking_id) ?? []), change]);
  for (const booking of bookings) {
    const history = historyOf.get(booking.id) ?? [];
    if (history[0]?.change !== 'created' || history[0].from_status !== null) broken.push(`booking ${booking.id}: history does not start with its creation`);
    history.forEach((change, i) => {
      if (i > 0 && change.from_status !== history[i - 1].to_status) {
        broken.push(`booking ${booking.id}: change ${change.id} comes from ${change.from_status}, the one before went to ${history[i - 1].to_status}`);
      }
      if (change.booking_version !== i + 1) broken.push(`booking ${booking.id}: change ${change.id} has version ${change.booking_version}, expected ${i + 1}`);
    });
    if (history.at(-1)?.to_status !== booking.status) broken.push(`booking ${booking.id}: is ${booking.status}, its history ends in ${history.at(-1)?.to_status}`);
    if (booking.version !== history.length) broken.push(`booking ${booking.id}: version ${booking.version} after ${history.length} changes`);
  }

  broken.push(...promotionsOutOfTurn(bookings, historyOf));
  return broken;
}

/**
 * First come, first served: a promotion walks the waiting list in order (time of booking,
 * then id) and skips only bookings that do not fit, so a booking promoted past another that
 * was waiting at that moment must be smaller than it. "Waiting at that moment" is read from
 * the history's ids: every change of one pool's bookings is written under that pool's lock,
 * so their order is the order in which they happened.
 */
function promotionsOutOfTurn(
  bookings: Array<{ id: string; bookable_id: string | null; quantity: number; queued_at: string }>,
  historyOf: Map<string, Array<{ id: string; change: string; from_status: string | null; to_status: string }>>,
): string[] {
  const broken: string[] = [];
  const id = (change: { id: string }) => BigInt(change.id);
  // the order the engine promotes in: time of booking (to the microsecond), then id
  const queueKey = (b: { queued_at: string; id: string }) => [BigInt(b.queued_at), b.id] as const;
  const ahead = (a: ReturnType<typeof queueKey>, b: ReturnType<typeof queueKey>) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const waitingSpan = (booking: { id: string }) => {
    const history = historyOf.get(booking.id) ?? [];
    const start = history.find((c) => c.to_status === 'waitlisted');
    if (!start) return undefined;
    const end = history.find((c) => id(c) > id(start) && c.from_status === 'waitlisted');
    return { from: id(start), until: end ? id(end) : undefined };
  };
  for (const promoted of bookings) {
    const promotion = (historyOf.get(promoted.id) ?? []).find((c) => c.change === 'promoted');
    if (!promotion || !promoted.bookable_id) continue;
    for (const other of bookings) {
      if (other.id === promoted.id || other.bookable_id !== promoted.bookable_id) continue;
      const span = waitingSpan(other);
      const waitingThen = span && span.from < id(promotion) && (span.until === undefined || span.until > id(promotion));
      if (waitingThen && ahead(queueKey(other), queueKey(promoted)) && other.quantity <= promoted.quantity) {
        broken.push(`booking ${promoted.id} (${promoted.quantity}) was promoted past ${other.id} (${other.quantity}), which waited before it`);
      }
    }
  }
  return broken;
}
