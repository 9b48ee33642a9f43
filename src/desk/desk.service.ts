import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/identity/actor';
import { DeskEntry, DeskFigure, DeskRegistry } from './desk-registry';

/** A company's or school's start: its next dates, soonest first, and what is still open. */
export interface MemberDesk {
  todo: DeskEntry[];
  next: DeskEntry[];
}

/** Dates shown on a start page: enough to plan the weeks ahead, not a calendar. */
const NEXT_DATES = 8;

export interface Desk {
  todo: DeskEntry[];
  week: DeskEntry[];
  figures: DeskFigure[];
}

/** What needs doing today, what opens or closes this week, and the day's figures. */
@Injectable()
export class DeskService {
  constructor(private readonly registry: DeskRegistry) {}

  async desk(): Promise<Desk> {
    const parts = await Promise.all(this.registry.all().map((source) => source()));
    const entries = parts.flatMap((p) => p.entries ?? []).filter((e) => e.count > 0);
    return {
      // the most first: where most waits, the most is gained
      todo: entries.filter((e) => e.group === 'todo').sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
      week: entries.filter((e) => e.group === 'week').sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0)),
      figures: parts.flatMap((p) => p.figures ?? []),
    };
  }

  async memberDesk(actor: Actor): Promise<MemberDesk> {
    const entries = (await Promise.all(this.registry.forMembers().map((source) => source(actor)))).flat().filter((e) => e.count > 0);
    return {
      todo: entries.filter((e) => e.group === 'todo').sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
      next: entries.filter((e) => e.group === 'next').sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0)).slice(0, NEXT_DATES),
    };
  }
}
