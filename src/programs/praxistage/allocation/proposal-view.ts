import { EntityManager } from 'typeorm';
import { AllocationRun } from '../../../allocation/allocation-run';
import type { PhaseProposal } from './phase-proposals.service';
import { ProposalDto, ProposalLineDto } from './proposal.dto';

/**
 * A run as people read it: the figures of the solve and every line with the pupil's and the
 * company's names (the stored result holds ids only, so deleting a pupil's data reaches it).
 */
export async function describeProposal(manager: EntityManager, phase: number, run: AllocationRun<PhaseProposal>): Promise<ProposalDto> {
  const lines = run.result?.lines ?? [];
  const pupils = new Map<string, { firstName: string; lastName: string; className: string | null; schoolName: string; weekday: number }>(
    (
      await manager.query(
        `SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", c.name AS "className", s.name AS "schoolName", coalesce(cw.weekday, ps.weekday) AS weekday
           FROM pupils p JOIN praxistage_pupils pp ON pp.pupil_id = p.id JOIN schools s ON s.id = pp.school_id
           JOIN praxistage_schools ps ON ps.event_id = pp.event_id AND ps.school_id = pp.school_id
           LEFT JOIN school_classes c ON c.id = p.class_id
           LEFT JOIN praxistage_class_weekdays cw ON cw.event_id = pp.event_id AND cw.class_id = p.class_id
          WHERE p.id = ANY($1::uuid[]) AND pp.event_id = (SELECT event_id FROM praxistage_phases WHERE id = $2)`,
        [lines.map((l) => l.pupilId), run.result?.phaseId ?? null],
      )
    ).map(({ id, ...pupil }: { id: string }) => [id, pupil]),
  );
  const offers = new Map<string, { companyName: string; occupationalField: string; assignDirectly: boolean }>(
    (
      await manager.query(
        `SELECT o.id, c.name AS "companyName", o.occupational_field AS "occupationalField", o.assign_directly AS "assignDirectly"
           FROM practicum_offers o JOIN companies c ON c.id = o.company_id WHERE o.id = ANY($1::uuid[])`,
        [lines.flatMap((l) => (l.offerId ? [l.offerId] : []))],
      )
    ).map(({ id, ...offer }: { id: string }) => [id, offer]),
  );
  const described: ProposalLineDto[] = lines
    // a pupil deleted since (retention) is no line any more
    .filter((l) => pupils.has(l.pupilId))
    .map((l) => {
      const offer = l.offerId ? offers.get(l.offerId) : undefined;
      return {
        pupilId: l.pupilId,
        ...pupils.get(l.pupilId)!,
        weekday: Number(pupils.get(l.pupilId)!.weekday),
        offerId: l.offerId,
        companyName: offer?.companyName ?? null,
        occupationalField: offer?.occupationalField ?? null,
        assignDirectly: offer?.assignDirectly ?? false,
        rankMet: l.rankMet,
        reason: l.reason,
        changed: !!l.changed,
      };
    })
    .sort((a, b) => Number(a.offerId === null) - Number(b.offerId === null) || a.schoolName.localeCompare(b.schoolName, 'de') || a.lastName.localeCompare(b.lastName, 'de') || a.firstName.localeCompare(b.firstName, 'de'));
  return {
    id: run.id,
    status: run.status,
    phase,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    solverStatus: run.result?.solverStatus ?? null,
    objective: run.objective,
    optimal: run.optimal,
    gap: run.gap,
    durationMs: run.durationMs,
    error: run.error,
    pupils: described.length,
    placed: described.filter((l) => l.offerId !== null).length,
    lines: described,
  };
}
