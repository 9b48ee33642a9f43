import { join } from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { registerTexts } from '../../../web/i18n/texts';
import { PageRenderer } from '../../../web/page-renderer';
import { PUPIL_PAGE_TEXTS } from './pupil-page-texts';
import { YEAR_PAGE_TEXTS } from './year-page-texts';
import { PROPOSAL_PAGE_TEXTS } from './proposal-page-texts';

/** The year's pages bring their own views and texts; the shared renderer learns them at start. */
@Injectable()
export class YearPagesSetup implements OnModuleInit {
  constructor(private readonly pages: PageRenderer) {}

  onModuleInit() {
    this.pages.registerViews(join(__dirname, 'views'));
    registerTexts(PUPIL_PAGE_TEXTS);
    registerTexts(YEAR_PAGE_TEXTS);
    registerTexts(PROPOSAL_PAGE_TEXTS);
  }
}
