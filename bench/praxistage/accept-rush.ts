import { Pool } from 'pg';
import { Measurement, measure } from '../measure';
import { pupilLogin } from './praxistage-reads';
import { applicationRules, placeCounters } from './rows';
import { WrittenYear } from './year-writer';

export type AcceptResult = {
  offers: number;
  pupils: number;
  outcomes: Record<string, number>;
  serverErrors: number;
  measurement: Measurement;
  accepted: number;
  racePlaces: Awaited<ReturnType<typeof placeCounters>>;
  wholeYear: Record<string, number>;
  /** Steckbriefe of the year whose company lets a proposal place pupils directly ("assign pupils to me"). */
  assignDirectly: number;
};

/**
 * Right after the offer race: every pupil holding a won offer accepts it, all at once, with
 * the pupil's own session. A pupil who won at two companies accepts both at the same moment:
 * the pupil is locked, so one acceptance wins and withdraws the other application (its place
 * freed); the other is answered `application_state`. Afterwards every race place must hold
 * exactly the placements its counter says, no pupil may hold two places in the phase.
 */
export async function acceptRush(base: string, db: Pool, year: WrittenYear, placeIds: string[], applicationIds: string[]): Promise<AcceptResult> {
  const { rows: won } = await db.query(
    `SELECT id, pupil_id AS "pupilId" FROM praxistage_applications WHERE id = ANY($1::uuid[]) AND status = 'offered' ORDER BY id`,
    [applicationIds],
  );
  // pupils log in first (set-up), each once, with the code from the school's letter
  const codes = new Map(year.pupils.map((p) => [p.id, p.code]));
  const sessions = new Map<string, string>();
  for (const pupilId of new Set(won.map((w) => w.pupilId as string))) sessions.set(pupilId, await pupilLogin(base, codes.get(pupilId)!));
  let serverErrors = 0;
  const measurement = await measure(`accept: ${won.length} won offers at once`, won, Math.max(1, won.length), async (w) => {
    const res = await fetch(`${base}/api/v1/pupil/applications/${w.id}/accept`, { method: 'POST', headers: { 'x-pupil-session': sessions.get(w.pupilId)! } });
    const body = await res.json().catch(() => ({}));
    if (res.status >= 500) serverErrors++;
    if (res.status === 200) return 'accepted';
    if (res.status === 409) return String(body.code);
    throw new Error(`${res.status} ${body.code ?? ''}`);
  });
  const [{ accepted }] = (await db.query(`SELECT count(*)::int AS accepted FROM praxistage_applications WHERE id = ANY($1::uuid[]) AND status = 'accepted'`, [applicationIds])).rows;
  const [{ direct }] = (await db.query(`SELECT count(*)::int AS direct FROM practicum_offers WHERE event_id = $1 AND assign_directly`, [year.eventId])).rows;
  return {
    offers: won.length,
    pupils: sessions.size,
    outcomes: measurement.outcomes,
    serverErrors,
    measurement,
    accepted,
    racePlaces: await placeCounters(db, year.eventId, placeIds),
    wholeYear: { ...(await placeCounters(db, year.eventId)), ...(await applicationRules(db, year.eventId)) },
    assignDirectly: direct,
  };
}
