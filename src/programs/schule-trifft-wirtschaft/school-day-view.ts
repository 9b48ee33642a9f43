import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Role } from '../../common/identity/role';
import { SchoolDayBookingsService } from './school-day-bookings.service';
import { canManageSchoolDay } from '../../events/event-visibility';
import { Event } from '../../events/event.entity';
import { SchoolDayService } from './school-day.service';
import { ROOM_KINDS } from './event-room.entity';
import { ROOM_KIND_NAMES } from './day-plan/day-plan.errors';
import { SchoolClassesService } from '../../schools/school-classes.service';
import { formatDateTime } from '../../common/time/berlin';
import { pageLocale, text } from '../../web/web-context';

/** '08:00' of an instant, Berlin time. */
const clock = (instant: Date, locale: 'de' | 'en') => formatDateTime(instant, locale).split(', ').pop();

type Option = { value: string; label: string };

/**
 * What the event page shows of a Schule-trifft-Wirtschaft day: the grid for everyone; the
 * layout forms and the registered companies for the host school and organisers; the
 * registration and session form for companies.
 */
@Injectable()
export class SchoolDayView {
  constructor(
    private readonly layout: SchoolDayService,
    private readonly bookings: SchoolDayBookingsService,
    private readonly classes: SchoolClassesService,
  ) {}

  async context(req: Request, event: Event): Promise<Record<string, unknown>> {
    const actor = req.actor;
    const locale = pageLocale(req);
    const [grid, layout] = await Promise.all([this.bookings.grid(actor, event.id), this.layout.layout(actor, event.id)]);
    const canManage = !!actor && canManageSchoolDay(actor, event);
    const context: Record<string, unknown> = {
      grid,
      canManage,
      periodOptions: layout.periods.map((p): Option => ({ value: p.id, label: `${p.number}. (${clock(p.startsAt, locale)}–${clock(p.endsAt, locale)})` })),
      classOptions: layout.classes.map((c: { id: string; name: string }): Option => ({ value: c.id, label: c.name })),
      rooms: layout.rooms,
      layoutPeriods: layout.periods.map((p) => ({ id: p.id, label: `${p.number}. (${clock(p.startsAt, locale)}–${clock(p.endsAt, locale)})` })),
      layoutClasses: layout.classes,
      roomKindOptions: ROOM_KINDS.map((kind): Option => ({ value: kind, label: ROOM_KIND_NAMES[kind][locale] })),
      roomChoices: [{ value: '', label: text(locale, 'stw.noRoom') }, ...layout.rooms.map((r): Option => ({ value: r.id, label: r.name }))],
    };
    if (canManage) {
      const registered = await this.bookings.registrations(actor, event.id, {});
      context.registrations = registered;
      context.companyOptions = registered
        .filter((r: { status: string }) => r.status === 'confirmed')
        .map((r: { companyId: string; name: string; branch: string }): Option => ({ value: r.companyId, label: `${r.name} (${r.branch})` }));
      const taken = new Set(layout.classes.map((c: { schoolClassId: string }) => c.schoolClassId));
      const hostClasses = await this.classes.list(actor, event.hostSchoolId!);
      context.hostClassOptions = hostClasses.filter((c) => !taken.has(c.id)).map((c): Option => ({ value: c.id, label: c.name }));
    }
    if (actor?.role === Role.CompanyMember) {
      context.dayRegistration = await this.bookings.ownRegistration(actor, event.id);
    }
    // a session needs a period, a class and someone to present: a registered company
    const presenter = canManage ? (context.companyOptions as Option[]).length > 0 : context.dayRegistration === 'confirmed';
    // the day plan from wishes: the host school plans, partners read, registered companies say when they come
    context.showDayPlan = canManage || actor?.role === Role.Partner || !!context.dayRegistration;
    context.canBookSession = presenter && layout.periods.length > 0 && layout.classes.length > 0;
    return context;
  }
}
