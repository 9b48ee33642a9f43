import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BookingReads } from '../../bookings/booking-reads';
import { Actor } from '../../common/identity/actor';
import { Role } from '../../common/identity/role';
import { counted, DeskEntry, DeskRegistry } from '../../desk/desk-registry';
import { EventsService } from '../../events/events.service';
import { SchoolClassesService } from '../../schools/school-classes.service';

/**
 * On a school's start page: classes that have no visit yet at a fair whose registration is
 * open. On a company's: a fair open for stand applications it has not applied to.
 */
@Injectable()
export class HandwerkertagStart implements OnModuleInit {
  constructor(
    private readonly registry: DeskRegistry,
    private readonly events: EventsService,
    private readonly reads: BookingReads,
    private readonly classes: SchoolClassesService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.registerForMembers('handwerkertag', (actor) => this.open(actor));
  }

  private async open(actor: Actor): Promise<DeskEntry[]> {
    const now = new Date();
    const fairs = (await this.events.list(actor, { program: 'handwerkertag', status: 'published', page: 1, pageSize: 100 })).items.filter(
      (e) => e.registrationOpensAt <= now && now <= e.registrationClosesAt,
    );
    if (fairs.length === 0) return [];
    if (actor.role === Role.SchoolMember && actor.schoolId) {
      const classes = await this.classes.list(actor, actor.schoolId);
      const entries: DeskEntry[] = [];
      for (const fair of fairs) {
        const visiting = await this.reads.classesWithBooking(fair.id, actor.schoolId, 'class_visit');
        const without = classes.filter((c) => !visiting.has(c.id)).length;
        entries.push({
          group: 'todo',
          kind: 'classes_without_visit',
          count: without,
          href: `/veranstaltungen/${fair.id}#klassenbesuch`,
          text: { de: `${counted(without, 'Klasse', 'Klassen')} noch ohne Besuch: ${fair.title}`, en: `${counted(without, 'class', 'classes')} without a visit yet: ${fair.title}` },
        });
      }
      return entries;
    }
    if (actor.role === Role.CompanyMember && actor.companyId) {
      const entries: DeskEntry[] = [];
      for (const fair of fairs) {
        const status = await this.reads.companyBookingStatus(this.dataSource.manager, fair.id, actor.companyId, 'stand', ['pending', 'confirmed', 'waitlisted']);
        entries.push({
          group: 'todo',
          kind: 'stand_not_applied',
          count: status ? 0 : 1,
          href: `/veranstaltungen/${fair.id}#stand`,
          text: { de: `Noch kein Stand angemeldet: ${fair.title}`, en: `No stand applied for yet: ${fair.title}` },
        });
      }
      return entries;
    }
    return [];
  }
}
