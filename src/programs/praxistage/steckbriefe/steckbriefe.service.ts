import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { isStaff, Role } from '../../../common/identity/role';
import { DomainError, FieldError, invalidField, NotFoundError } from '../../../common/errors/domain-error';
import { Page, pageWindow } from '../../../common/http/pagination';
import { likePattern } from '../../../common/http/search';
import { inTransaction } from '../../../database/transaction';
import { AuditService, diff } from '../../../audit/audit.service';
import { BookingEngine } from '../../../bookings/booking-engine';
import { BookingReads } from '../../../bookings/booking-reads';
import { PracticumOffer } from '../practicum-offer.entity';
import { YearsService } from '../year/years.service';
import { PupilSession } from '../pupil-access/pupil-session';
import { APPLICATION_PHASE } from '../applications/application-phase';
import { CreateSteckbriefDto, PupilSteckbriefQuery, ReviewSteckbriefDto, SteckbriefListQuery, SteckbriefPlaceDto, UpdateSteckbriefDto } from './steckbrief.dto';

export interface SteckbriefPlace {
  phase: number;
  weekday: number;
  capacity: number;
  booked: number;
  free: number;
}

export type Steckbrief = PracticumOffer & { companyName: string; places: SteckbriefPlace[] };

/** What a pupil sees of a Steckbrief: the company's description and the free places on the pupil's day. */
export interface PupilSteckbrief {
  id: string;
  companyName: string;
  occupationalField: string;
  apprenticeship: string;
  tasks: string;
  expectations: string;
  description: string;
  town: string;
  district: string | null;
  street: string;
  postalCode: string;
  dailyStart: string;
  dailyEnd: string;
  mentor: string;
  free: number;
  applied: boolean;
  /** On the pupil's Merkliste. */
  marked: boolean;
}

// One collator for every comparison: `localeCompare(b, 'de')` builds the locale's rules anew on each
// call, which made sorting a few hundred Steckbriefe the larger part of a pupil's search.
const GERMAN = new Intl.Collator('de');

const BY_PHASE_AND_DAY = (a: SteckbriefPlaceDto, b: SteckbriefPlaceDto) => a.phase - b.phase || a.weekday - b.weekday;

/**
 * Steckbriefe: a company's profile for a Praxistage year, with its places per phase and
 * weekday (each its own capacity in the engine). A Steckbrief is a year's practicum offer,
 * so placements, calendars and lists read it as they read any offer. Pupils and schools
 * see it once an organiser approved it.
 */
@Injectable()
export class SteckbriefeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly engine: BookingEngine,
    private readonly audit: AuditService,
    private readonly reads: BookingReads,
  ) {}

  async create(actor: Actor, eventId: string, dto: CreateSteckbriefDto): Promise<Steckbrief> {
    const companyId = actor.companyId!;
    const id = await inTransaction(this.dataSource, async (manager) => {
      const year = await this.years.get(actor, eventId, manager);
      await this.engine.assertApproved(manager, 'company', companyId);
      if (dto.dailyEnd <= dto.dailyStart) throw invalidField('dailyEnd', 'notAfterStart', 'combination');
      const { places, ...fields } = dto;
      const { identifiers } = await manager.insert(PracticumOffer, {
        ...fields,
        apprenticeship: dto.apprenticeship ?? '',
        expectations: dto.expectations ?? '',
        description: dto.description ?? '',
        eventId,
        companyId,
        weekdays: [],
        placesPerWeekday: null,
        firstDate: year.startsOn,
        lastDate: year.endsOn,
        reviewStatus: 'draft',
      } as never);
      const offerId = identifiers[0].id as string;
      await this.setPlacesIn(manager, eventId, offerId, places ?? []);
      await this.audit.record(manager, actor, 'practicum_offer', offerId, 'created', { ...dto });
      return offerId;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, offerId: string, dto: UpdateSteckbriefDto): Promise<Steckbrief> {
    await inTransaction(this.dataSource, async (manager) => {
      const offer = await this.own(actor, offerId, manager);
      if ((dto.dailyEnd ?? offer.dailyEnd.slice(0, 5)) <= (dto.dailyStart ?? offer.dailyStart.slice(0, 5))) throw invalidField('dailyEnd', 'notAfterStart', 'combination');
      if (Object.keys(dto).length > 0) await manager.update(PracticumOffer, { id: offerId }, dto as never);
      // pupils read what a company writes only after the organiser did: a changed text is reviewed again
      // (taking pupils directly changes nothing a pupil reads)
      const texts = Object.keys(dto).filter((key) => key !== 'assignDirectly');
      if (texts.length > 0 && actor.role === Role.CompanyMember && offer.reviewStatus === 'approved') {
        await manager.update(PracticumOffer, { id: offerId }, { reviewStatus: 'submitted', reviewNote: null } as never);
      }
      await this.audit.record(manager, actor, 'practicum_offer', offerId, 'updated', diff(offer, dto));
    });
    return this.get(actor, offerId);
  }

  /** Sets places per phase and weekday; below what is taken is refused, more promote nobody (offers are never waiting). */
  async setPlaces(actor: Actor, offerId: string, places: SteckbriefPlaceDto[]): Promise<Steckbrief> {
    await inTransaction(this.dataSource, async (manager) => {
      const offer = await this.own(actor, offerId, manager);
      await this.setPlacesIn(manager, offer.eventId, offerId, places);
      await this.audit.record(manager, actor, 'practicum_offer', offerId, 'updated', { places });
    });
    return this.get(actor, offerId);
  }

  async submit(actor: Actor, offerId: string): Promise<Steckbrief> {
    await inTransaction(this.dataSource, async (manager) => {
      const offer = await this.own(actor, offerId, manager, true);
      if (!['draft', 'returned'].includes(offer.reviewStatus)) throw new DomainError('steckbrief_state', { status: offer.reviewStatus });
      const places = await this.placesOf(manager, [offerId]);
      if (!places.some((p) => p.capacity > 0)) throw new DomainError('steckbrief_incomplete');
      await manager.update(PracticumOffer, { id: offerId }, { reviewStatus: 'submitted' });
      await this.audit.record(manager, actor, 'practicum_offer', offerId, 'status_changed', { reviewStatus: 'submitted' });
    });
    return this.get(actor, offerId);
  }

  /** The organiser approves a submitted Steckbrief (pupils see it from now on) or sends it back with a note. */
  async review(actor: Actor, offerId: string, dto: ReviewSteckbriefDto): Promise<Steckbrief> {
    await inTransaction(this.dataSource, async (manager) => {
      const offer = await this.own(actor, offerId, manager, true);
      if (offer.reviewStatus !== 'submitted') throw new DomainError('steckbrief_state', { status: offer.reviewStatus });
      if (dto.decision === 'return' && !dto.note) throw invalidField('note', 'should not be empty', 'isNotEmpty');
      await manager.update(PracticumOffer, { id: offerId }, { reviewStatus: dto.decision === 'approve' ? 'approved' : 'returned', reviewNote: dto.note ?? null });
      await this.audit.record(manager, actor, 'practicum_offer', offerId, dto.decision === 'approve' ? 'approved' : 'rejected', { reviewStatus: dto.decision === 'approve' ? 'approved' : 'returned', note: dto.note ?? null });
    });
    return this.get(actor, offerId);
  }

  /** Last year's Steckbrief into a new year: the same texts and the same places per phase and weekday, as a draft. */
  async copy(actor: Actor, offerId: string, eventId: string): Promise<Steckbrief> {
    const id = await inTransaction(this.dataSource, async (manager) => {
      const source = await this.own(actor, offerId, manager);
      const year = await this.years.get(actor, eventId, manager).catch(() => {
        throw invalidField('eventId', 'notInEvent', 'reference');
      });
      const places: SteckbriefPlaceDto[] = (await this.placesOf(manager, [offerId]))
        .filter((p) => p.capacity > 0)
        .map((p) => ({ phase: p.phase, weekday: p.weekday, places: p.capacity }));
      const { id: _id, createdAt: _c, updatedAt: _u, reviewNote: _n, ...texts } = source;
      const { identifiers } = await manager.insert(PracticumOffer, {
        ...texts,
        eventId,
        weekdays: [],
        firstDate: year.startsOn,
        lastDate: year.endsOn,
        reviewStatus: 'draft',
        reviewNote: null,
        copiedFrom: offerId,
      } as never);
      const copyId = identifiers[0].id as string;
      await this.setPlacesIn(manager, eventId, copyId, places);
      await this.audit.record(manager, actor, 'practicum_offer', copyId, 'created', { copiedFrom: offerId });
      return copyId;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, offerId: string): Promise<Steckbrief> {
    const [steckbrief] = await this.views(this.dataSource.manager, { offerId });
    if (!steckbrief || !this.maySee(actor, steckbrief)) throw new NotFoundError('steckbrief');
    await this.years.get(actor, steckbrief.eventId);
    return steckbrief;
  }

  /** A company sees its own, staff all (the review queue with `status=submitted`), schools the approved ones. */
  async list(actor: Actor, eventId: string, query: SteckbriefListQuery): Promise<Page<Steckbrief>> {
    await this.years.get(actor, eventId);
    const filter = {
      eventId,
      status: actor.role === Role.SchoolMember ? ('approved' as const) : query.status,
      companyId: actor.role === Role.CompanyMember ? actor.companyId! : undefined,
      occupationalField: query.occupationalField,
      town: query.town,
    };
    const all = await this.views(this.dataSource.manager, filter);
    const { page, pageSize, skip, take } = pageWindow(query);
    return { items: all.slice(skip, skip + take), total: all.length, page, pageSize };
  }

  /**
   * What a pupil finds: approved Steckbriefe with a place on the pupil's weekday in the phase
   * open for applications, filtered by field and town, those with free places first.
   */
  async forPupil(pupil: PupilSession, query: PupilSteckbriefQuery): Promise<Page<PupilSteckbrief> & { phase: number | null; fields: string[]; towns: string[] }> {
    const { page, pageSize, skip, take } = pageWindow(query);
    const phase = await this.applicationPhase(pupil);
    if (!phase) return { items: [], total: 0, page, pageSize, phase: null, fields: [], towns: [] };
    // first the few columns that decide what is found and in which order, for every place on the day …
    const candidates: Array<{ id: string; placeId: string; companyName: string; occupationalField: string; town: string }> = await this.dataSource.query(
      `SELECT o.id, sp.id AS "placeId", c.name AS "companyName", o.occupational_field AS "occupationalField", o.town
         FROM steckbrief_places sp JOIN practicum_offers o ON o.id = sp.offer_id JOIN companies c ON c.id = o.company_id
        WHERE sp.phase_id = $1 AND sp.weekday = $2 AND o.review_status = 'approved'`,
      [phase.id, pupil.weekday],
    );
    // offered places never wait: capacity and places taken are all there is to count
    const pools = await this.reads.held(this.dataSource.manager, candidates.map((c) => c.placeId));
    const offered = candidates
      .map(({ placeId, ...steckbrief }) => ({ ...steckbrief, capacity: pools.get(placeId)?.capacity ?? 0, free: (pools.get(placeId)?.capacity ?? 0) - (pools.get(placeId)?.booked ?? 0) }))
      .filter((s) => s.capacity > 0);
    const town = query.town?.toLocaleLowerCase('de');
    // those with a free place first, then by field and company
    const found = offered
      .filter((s) => (!query.occupationalField || s.occupationalField === query.occupationalField) && (!town || s.town.toLocaleLowerCase('de').includes(town)))
      .sort((a, b) => Number(b.free > 0) - Number(a.free > 0) || GERMAN.compare(a.occupationalField, b.occupationalField) || GERMAN.compare(a.companyName, b.companyName) || a.id.localeCompare(b.id));
    const shown = found.slice(skip, skip + take);
    // … then the descriptions of the one page shown
    const texts = new Map<string, Omit<PupilSteckbrief, 'id' | 'companyName' | 'occupationalField' | 'town' | 'free'>>(
      (
        await this.dataSource.query(
          `SELECT o.id, o.apprenticeship, o.tasks, o.expectations, o.description, o.district, o.street, o.postal_code AS "postalCode",
                  to_char(o.daily_start, 'HH24:MI') AS "dailyStart", to_char(o.daily_end, 'HH24:MI') AS "dailyEnd", o.mentor,
                  EXISTS (SELECT 1 FROM praxistage_applications a WHERE a.offer_id = o.id AND a.phase_id = $2 AND a.pupil_id = $3
                            AND a.status IN ('submitted', 'interview', 'offered', 'accepted')) AS applied,
                  EXISTS (SELECT 1 FROM praxistage_marks m WHERE m.event_id = $4 AND m.pupil_id = $3 AND m.offer_id = o.id) AS marked
             FROM practicum_offers o WHERE o.id = ANY($1::uuid[])`,
          [shown.map((s) => s.id), phase.id, pupil.pupilId, pupil.eventId],
        )
      ).map(({ id, ...rest }: { id: string }) => [id, rest]),
    );
    const distinct = (values: string[]) => [...new Set(values)].sort(GERMAN.compare);
    return {
      items: shown.map(({ capacity: _c, ...s }) => ({ ...s, ...texts.get(s.id)! })),
      total: found.length,
      page,
      pageSize,
      phase: phase.number,
      fields: distinct(offered.map((s) => s.occupationalField)),
      towns: distinct(offered.map((s) => s.town)),
    };
  }

  /** The phase the pupil applies in now (see APPLICATION_PHASE), if any is open. */
  async applicationPhase(pupil: { eventId: string; pupilId: string }): Promise<{ id: string; number: number } | null> {
    const [phase] = await this.dataSource.query(APPLICATION_PHASE, [pupil.eventId, pupil.pupilId]);
    return phase ?? null;
  }

  /** One Steckbrief as a pupil sees it (approved, of the pupil's year), else 404. */
  async oneForPupil(pupil: PupilSession, offerId: string): Promise<Steckbrief> {
    const [steckbrief] = await this.views(this.dataSource.manager, { offerId, eventId: pupil.eventId, status: 'approved' });
    if (!steckbrief) throw new NotFoundError('steckbrief');
    return steckbrief;
  }

  private maySee(actor: Actor, steckbrief: Steckbrief) {
    if (isStaff(actor.role)) return true;
    if (actor.role === Role.CompanyMember) return steckbrief.companyId === actor.companyId;
    return steckbrief.reviewStatus === 'approved';
  }

  /** The Steckbrief if the actor may change it (its company, or an organiser), locked with `lock`. */
  private async own(actor: Actor, offerId: string, manager: EntityManager, lock = false): Promise<PracticumOffer> {
    const offer = await manager.findOne(PracticumOffer, { where: { id: offerId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const mayChange = actor.role === Role.Organiser || (actor.role === Role.CompanyMember && offer?.companyId === actor.companyId);
    if (!offer || !mayChange || offer.placesPerWeekday !== null || !(await this.years.isYear(manager, offer.eventId))) throw new NotFoundError('steckbrief');
    return offer;
  }

  private async setPlacesIn(manager: EntityManager, eventId: string, offerId: string, places: SteckbriefPlaceDto[]) {
    const phases = new Map<number, string>(
      (await manager.query(`SELECT number, id FROM praxistage_phases WHERE event_id = $1`, [eventId])).map((p: { number: number; id: string }) => [p.number, p.id]),
    );
    const seen = new Set<string>();
    const problems: FieldError[] = places.flatMap((p, i) => {
      const key = `${p.phase}:${p.weekday}`;
      if (seen.has(key)) return [{ field: `places.${i}`, code: 'unique', message: 'duplicate' }];
      seen.add(key);
      return phases.has(p.phase) ? [] : [{ field: `places.${i}.phase`, code: 'reference', message: 'unknownPhase' }];
    });
    if (problems.length) throw new DomainError('validation_failed', {}, problems);
    // a fixed order: two changes of one Steckbrief lock its places in the same order
    for (const place of [...places].sort(BY_PHASE_AND_DAY)) {
      const phaseId = phases.get(place.phase)!;
      const [existing] = await manager.query(`SELECT id FROM steckbrief_places WHERE offer_id = $1 AND phase_id = $2 AND weekday = $3`, [offerId, phaseId, place.weekday]);
      if (existing) await this.engine.setCapacity(manager, existing.id, place.places);
      else if (place.places > 0) {
        const poolId = await this.engine.openPool(manager, eventId, 'phase_place', place.places);
        await manager.query(`INSERT INTO steckbrief_places (id, offer_id, phase_id, weekday) VALUES ($1, $2, $3, $4)`, [poolId, offerId, phaseId, place.weekday]);
      }
    }
    const weekdays = [...new Set((await this.placesOf(manager, [offerId])).filter((p) => p.capacity > 0).map((p) => p.weekday))].sort();
    await manager.query(`UPDATE practicum_offers SET weekdays = $2, updated_at = now() WHERE id = $1`, [offerId, weekdays]);
  }

  /** The places of Steckbriefe per phase and weekday, with what the engine counts on each. */
  private async placesOf(manager: EntityManager, offerIds: string[]): Promise<Array<SteckbriefPlace & { offerId: string; placeId: string }>> {
    const rows: Array<{ offerId: string; placeId: string; phase: number; weekday: number }> = await manager.query(
      `SELECT sp.offer_id AS "offerId", sp.id AS "placeId", ph.number AS phase, sp.weekday FROM steckbrief_places sp
         JOIN praxistage_phases ph ON ph.id = sp.phase_id WHERE sp.offer_id = ANY($1::uuid[]) ORDER BY ph.number, sp.weekday`,
      [offerIds],
    );
    const pools = await this.reads.pools(manager, rows.map((r) => r.placeId));
    return rows.map((r) => {
      const pool = pools.get(r.placeId) ?? { capacity: 0, booked: 0 };
      return { ...r, capacity: pool.capacity, booked: pool.booked, free: pool.capacity - pool.booked };
    });
  }

  private async views(
    manager: EntityManager,
    filter: { eventId?: string; offerId?: string; companyId?: string; status?: string; occupationalField?: string; town?: string },
  ): Promise<Steckbrief[]> {
    const qb = manager
      .createQueryBuilder(PracticumOffer, 'o')
      .where('o.places_per_weekday IS NULL')
      .andWhere('o.event_id IN (SELECT event_id FROM praxistage_years)')
      .orderBy('o.occupational_field')
      .addOrderBy('o.id');
    if (filter.eventId) qb.andWhere('o.event_id = :eventId', { eventId: filter.eventId });
    if (filter.offerId) qb.andWhere('o.id = :offerId', { offerId: filter.offerId });
    if (filter.companyId) qb.andWhere('o.company_id = :companyId', { companyId: filter.companyId });
    if (filter.status) qb.andWhere('o.review_status = :status', { status: filter.status });
    if (filter.occupationalField) qb.andWhere('o.occupational_field = :field', { field: filter.occupationalField });
    if (filter.town) qb.andWhere('o.town ILIKE :town', { town: likePattern(filter.town) });
    const offers = await qb.getMany();
    if (offers.length === 0) return [];
    const places = await this.placesOf(manager, offers.map((o) => o.id));
    const names = new Map<string, string>(
      (await manager.query(`SELECT id, name FROM companies WHERE id = ANY($1::uuid[])`, [[...new Set(offers.map((o) => o.companyId))]])).map(
        (c: { id: string; name: string }) => [c.id, c.name],
      ),
    );
    return offers.map((offer) => ({
      ...offer,
      companyName: names.get(offer.companyId) ?? '',
      places: places.filter((p) => p.offerId === offer.id).map(({ offerId: _o, placeId: _p, ...place }) => place),
    }));
  }
}
