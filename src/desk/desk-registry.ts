import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/identity/actor';

/** Words in both languages; the desk shows the reader's. */
export interface Words {
  de: string;
  en: string;
}

/** One thing on the organiser's desk: what waits, how much of it, and where it is done. */
export interface DeskEntry {
  /**
   * `todo`: something waits for a decision or a hand; `week`: a registration opens or closes
   * within seven days; `next`: a member's next date (`at`).
   */
  group: 'todo' | 'week' | 'next';
  /** What kind of work, stable for clients, e.g. `organisations_pending`. */
  kind: string;
  count: number;
  /** What it is, with its count, in both languages ("3 Standanmeldungen zu entscheiden"). */
  text: Words;
  /** The page where it is done. */
  href: string;
  /** When it is due, where a date matters (a registration's opening or closing). */
  at?: Date;
}

/** A figure of the day (bookings made today, …). */
export interface DeskFigure {
  kind: string;
  label: Words;
  value: number;
}

/** What one part of Praxisnah puts on the desk. */
export type DeskSource = () => Promise<{ entries?: DeskEntry[]; figures?: DeskFigure[] }>;

/** What one part puts on a company's or school's start page: its next dates and what is still open. */
export type MemberDeskSource = (actor: Actor) => Promise<DeskEntry[]>;

/**
 * The organiser's desk asks every part what needs doing (the shared parts and each program
 * register a source at start, as they register lists and calendar occasions), instead of
 * knowing each kind of work itself.
 */
@Injectable()
export class DeskRegistry {
  private readonly sources = new Map<string, DeskSource>();

  register(name: string, source: DeskSource) {
    if (this.sources.has(name)) throw new Error(`desk source ${name} is registered twice`);
    this.sources.set(name, source);
  }

  all(): DeskSource[] {
    return [...this.sources.values()];
  }

  private readonly memberSources = new Map<string, MemberDeskSource>();

  /** A source for members' start pages; it gets the member and answers for the member's own organisation only. */
  registerForMembers(name: string, source: MemberDeskSource) {
    if (this.memberSources.has(name)) throw new Error(`member desk source ${name} is registered twice`);
    this.memberSources.set(name, source);
  }

  forMembers(): MemberDeskSource[] {
    return [...this.memberSources.values()];
  }
}

/** SQL: the start of today in Berlin, as an instant (for "today's" figures). */
export const START_OF_TODAY = `(date_trunc('day', now() AT TIME ZONE 'Europe/Berlin') AT TIME ZONE 'Europe/Berlin')`;

/** "1 Betrieb wartet" / "3 Betriebe warten": a count with the words that go with it. */
export const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
