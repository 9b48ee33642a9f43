import { Injectable } from '@nestjs/common';
import { Program } from '../events/event-status';
import { ListBuilder } from './attendee-list';

export interface ListDefinition {
  program: Program;
  build: ListBuilder;
  /** The host school of a Schule-trifft-Wirtschaft day may have it too, for its own day. */
  hostSchool?: boolean;
  /** Asked for with parameters of its own (a company and a month), so not offered as a plain button. */
  needsParameters?: boolean;
}

/** The attendee lists there are, by name: each program registers its own at start. */
@Injectable()
export class AttendeeLists {
  private readonly lists = new Map<string, ListDefinition>();

  register(name: string, definition: ListDefinition) {
    if (this.lists.has(name)) throw new Error(`attendee list ${name} is registered twice`);
    this.lists.set(name, definition);
  }

  get(name: string): ListDefinition | undefined {
    return this.lists.get(name);
  }

  /** The names of a program's lists that the organiser's event page offers as buttons. */
  offeredFor(program: Program): string[] {
    return [...this.lists].filter(([, list]) => list.program === program && !list.needsParameters).map(([name]) => name);
  }
}
