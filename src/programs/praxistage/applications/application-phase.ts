/**
 * The phase a pupil applies in now. The application windows of neighbouring phases may
 * overlap (one closes two weeks after its phase begins, the next opens eight weeks before
 * its own): of the phases open for applications, the first in which the pupil has no place
 * yet; where the pupil is placed in every open one, the first of them, where applying is
 * then refused as "placed". `$1` is the year (event), `$2` the pupil.
 */
export const APPLICATION_PHASE = `
  SELECT ph.id, ph.number FROM praxistage_phases ph
   WHERE ph.event_id = $1 AND now() >= ph.applications_open_at AND now() < ph.applications_close_at
   ORDER BY EXISTS (SELECT 1 FROM praxistage_applications a WHERE a.phase_id = ph.id AND a.pupil_id = $2 AND a.status = 'accepted'), ph.number
   LIMIT 1`;
