import { join } from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { registerTexts } from '../../../web/i18n/texts';
import { PageRenderer } from '../../../web/page-renderer';
import { DAY_PLAN_PAGE_TEXTS } from './day-plan-page-texts';

/** The day plan page brings its own view and texts; the shared renderer learns them at start. */
@Injectable()
export class DayPlanPagesSetup implements OnModuleInit {
  constructor(private readonly pages: PageRenderer) {}

  onModuleInit() {
    this.pages.registerViews(join(__dirname, 'views'));
    registerTexts(DAY_PLAN_PAGE_TEXTS);
  }
}
