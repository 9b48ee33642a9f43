import { Injectable, OnModuleInit } from '@nestjs/common';
import { ProgramRegistry } from '../../events/program-registry';
import { SchoolDayView } from './school-day-view';

/** Schule trifft Wirtschaft as the shared parts see it: one school's day, a class × period grid. */
@Injectable()
export class SchuleTrifftWirtschaftProgram implements OnModuleInit {
  constructor(
    private readonly registry: ProgramRegistry,
    private readonly view: SchoolDayView,
  ) {}

  onModuleInit() {
    this.registry.register({ program: 'schule-trifft-wirtschaft', eventPage: (req, event) => this.view.context(req, event) });
  }
}
