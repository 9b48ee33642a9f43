import { join } from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { isStaff, Role } from '../../../common/identity/role';
import { BookingPagePanels } from '../../../web/booking-page-panels';
import { registerTexts } from '../../../web/i18n/texts';
import { PageRenderer } from '../../../web/page-renderer';
import { CheckInCodes, CLASS_VISIT } from './check-in-codes';
import { CHECK_IN_TEXTS } from './check-in-texts';

/**
 * The entrance's pages bring their views and texts; a confirmed class visit's page shows its
 * QR code to the school (and staff), drawn as SVG on the server.
 */
@Injectable()
export class CheckInSetup implements OnModuleInit {
  constructor(
    private readonly pages: PageRenderer,
    private readonly panels: BookingPagePanels,
    private readonly codes: CheckInCodes,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.pages.registerViews(join(__dirname, 'views'));
    registerTexts(CHECK_IN_TEXTS);
    this.panels.register(async (actor, booking) => {
      if (booking.kind !== CLASS_VISIT || booking.status !== 'confirmed') return null;
      if (!isStaff(actor.role) && actor.role !== Role.SchoolMember) return null;
      const { address, shortCode } = await this.codes.addressFor(this.dataSource.manager, booking.id);
      const svg = (await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
        // the figure around it carries the text alternative; the drawing itself is not read out
        .replace('<svg ', '<svg aria-hidden="true" focusable="false" width="240" height="240" ');
      return { partial: 'check-in-qr', svg, shortCode, address };
    });
  }
}
