import { ApplicationStatus } from '../applications/application-status';
import { FIELDS, FIRST_NAMES, LAST_NAMES, MESSAGES, TOWNS } from './sample-words';

/**
 * A Praxistage year as it looks some weeks into a phase's applications, planned from a seed:
 * schools with their weekday, classes and pupils; companies with one Steckbrief each and
 * places per phase and weekday; and every application with where it ended. The same seed
 * gives the same year. It only plans: the demo carries the plan out through the services,
 * the benchmark writes it straight into the tables. Every rule the services keep holds in
 * the plan, so either way the result is a year the API could have made:
 * - a pupil applies on the school's weekday, at most three times per phase, once per Steckbrief;
 * - a pupil is placed at most once per phase, each phase with another company and field;
 * - offered and accepted applications together never exceed a place's capacity;
 * - once a pupil accepts, the other undecided applications of the phase are withdrawn.
 */
export interface SampleYearSize {
  schools: number;
  classesPerSchool: number;
  pupilsPerClass: number;
  companies: number;
  /** Applications are open in this phase; the phases before it are decided, those after it have none yet. */
  openPhase: 1 | 2 | 3 | 4;
  seed?: number;
}

export interface SamplePupil {
  index: number;
  school: number;
  className: string;
  firstName: string;
  lastName: string;
  weekday: number;
}

export interface SampleSchool {
  index: number;
  name: string;
  town: string;
  postalCode: string;
  district: string;
  weekday: number;
  classes: Array<{ name: string; pupils: number[] }>;
}

export interface SampleCompany {
  index: number;
  name: string;
  town: string;
  postalCode: string;
  district: string;
  occupationalField: string;
  apprenticeship: string;
  tasks: string;
  places: Array<{ phase: number; weekday: number; places: number }>;
}

export interface SampleApplication {
  phase: number;
  pupil: number;
  company: number;
  weekday: number;
  status: ApplicationStatus;
  message: string;
  /** When in the phase's window it was sent, from 0 (opened) to 1 (closed, or now for the open phase). */
  at: number;
}

export interface SampleYear {
  schools: SampleSchool[];
  pupils: SamplePupil[];
  companies: SampleCompany[];
  applications: SampleApplication[];
}

// How many applications a pupil has sent: nearly everyone three in a decided phase; some not yet in the open one.
const DECIDED_COUNTS = [0.02, 0.1, 0.3, 0.58];
const OPEN_COUNTS = [0.18, 0.2, 0.27, 0.35];

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function planSampleYear(size: SampleYearSize): SampleYear {
  const rng = random(size.seed ?? 2027);
  const int = (n: number) => Math.floor(rng() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];
  const shuffled = <T>(list: readonly T[]) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  const howMany = (shares: number[]) => {
    let r = rng();
    return Math.max(0, shares.findIndex((share) => (r -= share) < 0));
  };

  // Schools choose their weekday spread over the week: several schools compete for each day's places.
  const pupils: SamplePupil[] = [];
  const schools: SampleSchool[] = Array.from({ length: size.schools }, (_, index) => {
    const where = TOWNS[index % TOWNS.length];
    const weekday = (index % 5) + 1;
    const classes = Array.from({ length: size.classesPerSchool }, (_, c) => {
      const className = `8${String.fromCharCode(97 + c)}`;
      const members = Array.from({ length: size.pupilsPerClass }, () => {
        pupils.push({ index: pupils.length, school: index, className, firstName: pick(FIRST_NAMES), lastName: pick(LAST_NAMES), weekday });
        return pupils.length - 1;
      });
      return { name: className, pupils: members };
    });
    const name = index < TOWNS.length ? `Regelschule ${where.town}` : `Regelschule ${where.town} am Park`;
    return { index, name, ...where, weekday, classes };
  });
  const weekdays = [...new Set(schools.map((s) => s.weekday))].sort();

  // A company offers places in most phases, on one to three of the schools' weekdays, one or two on each.
  const companies: SampleCompany[] = Array.from({ length: size.companies }, (_, index) => {
    const trade = pick(FIELDS);
    const where = pick(TOWNS);
    const places = [1, 2, 3, 4].flatMap((phase) =>
      rng() < 0.9 ? shuffled(weekdays).slice(0, 1 + int(Math.min(3, weekdays.length))).sort().map((weekday) => ({ phase, weekday, places: rng() < 0.7 ? 1 : 2 })) : [],
    );
    return { index, name: `${trade.trade} ${pick(LAST_NAMES)}`, ...where, occupationalField: trade.field, apprenticeship: trade.apprenticeship, tasks: trade.tasks, places };
  });

  const applications: SampleApplication[] = [];
  const placedIn = pupils.map(() => ({ fields: new Set<string>(), companies: new Set<number>() }));
  for (let phase = 1; phase <= size.openPhase; phase++) {
    const open = phase === size.openPhase;
    for (const weekday of weekdays) {
      const offers = companies.flatMap((c) => c.places.filter((p) => p.phase === phase && p.weekday === weekday).map((p) => ({ company: c, free: p.places })));
      for (const pupil of shuffled(pupils.filter((p) => p.weekday === weekday))) {
        const placed = placedIn[pupil.index];
        const fresh = offers.filter((o) => !placed.fields.has(o.company.occupationalField) && !placed.companies.has(o.company.index));
        const chosen = shuffled(fresh).slice(0, howMany(open ? OPEN_COUNTS : DECIDED_COUNTS));
        const statuses = open ? openOutcome(chosen) : decidedOutcome(chosen);
        chosen.forEach((offer, i) => {
          if (statuses[i] === 'accepted') {
            placed.fields.add(offer.company.occupationalField);
            placed.companies.add(offer.company.index);
          }
          applications.push({ phase, pupil: pupil.index, company: offer.company.index, weekday, status: statuses[i], message: pick(MESSAGES), at: rng() });
        });
      }
    }
  }
  return { schools, pupils, companies, applications };

  /** A decided phase: most pupils accepted one place; the applications before it were declined, those after it withdrawn. */
  function decidedOutcome(chosen: Array<{ free: number }>): ApplicationStatus[] {
    const accepted = chosen.findIndex((o) => o.free > 0 && rng() < 0.8);
    if (accepted >= 0) chosen[accepted].free -= 1;
    return chosen.map((_, i) => {
      if (i === accepted) return 'accepted';
      if (accepted >= 0) return i > accepted ? 'withdrawn' : rng() < 0.15 ? 'declined_by_pupil' : 'declined_by_company';
      const r = rng();
      return r < 0.6 ? 'declined_by_company' : r < 0.8 ? 'interview' : 'submitted';
    });
  }

  /** The open phase: a few pupils have accepted already, some hold an offer, many wait for an interview or an answer. */
  function openOutcome(chosen: Array<{ free: number }>): ApplicationStatus[] {
    const accepted = rng() < 0.15 ? chosen.findIndex((o) => o.free > 0) : -1;
    if (accepted >= 0) {
      chosen[accepted].free -= 1;
      return chosen.map((_, i) => (i === accepted ? 'accepted' : rng() < 0.3 ? 'declined_by_company' : 'withdrawn'));
    }
    return chosen.map((offer) => {
      const r = rng();
      if (r < 0.15 && offer.free > 0) {
        offer.free -= 1;
        return 'offered';
      }
      return r < 0.35 ? 'interview' : r < 0.45 ? 'declined_by_company' : 'submitted';
    });
  }
}
