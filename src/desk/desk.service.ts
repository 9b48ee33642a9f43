import { Injectable } from '@nestjs/common';
import { DeskEntry, DeskFigure, DeskRegistry } from './desk-registry';

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
}
