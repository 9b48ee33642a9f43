import { SampleApplication, SampleYear } from '../../src/programs/praxistage/sample-year/sample-year';
import { MESSAGES } from '../../src/programs/praxistage/sample-year/sample-words';

const holdsPlace = (a: SampleApplication) => a.status === 'accepted' || a.status === 'offered';
const waiting = (a: SampleApplication) => a.status === 'submitted' || a.status === 'interview';

/**
 * The plan with a decided phase settled for every pupil. A decided phase leaves some pupils
 * without a place (no application, or every company said no); each of them is placed at a
 * company with a place left on the pupil's weekday, within the rules the plan keeps: at most
 * three applications in the phase (the first two kept, any still waiting declined by the
 * company, as a decided phase would have answered them), the accepted one last, once per
 * Steckbrief, never the company or field of the pupil's place in another phase, and never
 * more places held than a company offers.
 */
export function placeEveryone(plan: SampleYear, phase: number): SampleYear {
  const held = new Map<number, number>(); // company → places held in the phase
  for (const a of plan.applications) if (a.phase === phase && holdsPlace(a)) held.set(a.company, (held.get(a.company) ?? 0) + 1);
  const applications = plan.applications.map((a) => ({ ...a }));
  const dropped = new Set<SampleApplication>();
  const added: SampleApplication[] = [];
  for (const pupil of plan.pupils) {
    const own = applications.filter((a) => a.pupil === pupil.index);
    const inPhase = own.filter((a) => a.phase === phase);
    if (inPhase.some((a) => a.status === 'accepted')) continue;
    const elsewhere = own.filter((a) => a.phase !== phase && holdsPlace(a));
    const company = plan.companies.find((c) => {
      const place = c.places.find((p) => p.phase === phase && p.weekday === pupil.weekday);
      return (
        place !== undefined &&
        (held.get(c.index) ?? 0) < place.places &&
        !inPhase.some((a) => a.company === c.index) &&
        !elsewhere.some((a) => a.company === c.index || plan.companies[a.company].occupationalField === c.occupationalField)
      );
    });
    if (!company) throw new Error(`No company has a place left in phase ${phase} for pupil ${pupil.index}: plan more companies.`);
    held.set(company.index, (held.get(company.index) ?? 0) + 1);
    inPhase.slice(2).forEach((a) => dropped.add(a));
    for (const a of inPhase.slice(0, 2)) if (waiting(a)) a.status = 'declined_by_company';
    added.push({ phase, pupil: pupil.index, company: company.index, weekday: pupil.weekday, status: 'accepted', message: MESSAGES[pupil.index % MESSAGES.length], at: 1 });
  }
  return { ...plan, applications: [...applications.filter((a) => !dropped.has(a)), ...added] };
}
