import { Actor } from '../common/identity/actor';

/** Who and what the shared part of the demo made, for the programs to book with. */
export interface DemoCast {
  organiser: Actor;
  /** The host school of the demo day, with two classes and a pupil. */
  lessing: Actor;
  baecker: Actor;
  elektro: Actor;
  eightA: { id: string };
  eightB: { id: string };
  mia: { id: string };
  /** A registration window open now. */
  window: { registrationOpensAt: Date; registrationClosesAt: Date; cancellationDeadline: Date };
  /** Registers and approves a company with its first member (`betrieb@<domain>`, the demo password); the member. */
  newCompany: (name: string, branch: string, town: string, postalCode: string, district: string, domain: string) => Promise<Actor>;
  /** Registers and approves a school with its first member (`schule@<domain>`); the member. */
  newSchool: (name: string, town: string, postalCode: string, district: string, domain: string) => Promise<Actor>;
}

/** What a program's demo adds to the printed logins: members (with the demo password) and pupils' codes with who they are. */
export interface DemoLogins {
  members?: Array<[role: string, email: string]>;
  pupilCodes?: Array<[code: string, who: string]>;
}

/** The date `offset` days from today (ISO). */
export const demoDay = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

/** The next date on `weekday` (1 = Monday) at least `from` days ahead. */
export function nextWeekday(weekday: number, from: number) {
  const date = new Date(Date.now() + from * 86400_000);
  while (date.getUTCDay() !== weekday % 7) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
