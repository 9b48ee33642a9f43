import { join } from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { registerTexts } from '../web/i18n/texts';
import { PageRenderer } from '../web/page-renderer';
import { MESSAGE_PAGE_TEXTS } from './message-page-texts';

/** The message pages bring their own views and texts; the shared renderer learns them at start. */
@Injectable()
export class MessagePagesSetup implements OnModuleInit {
  constructor(private readonly pages: PageRenderer) {}

  onModuleInit() {
    this.pages.registerViews(join(__dirname, 'views'));
    registerTexts(MESSAGE_PAGE_TEXTS);
  }
}
