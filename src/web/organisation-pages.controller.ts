import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { CompaniesService } from '../companies/companies.service';
import { ORGANISATION_STATUSES, OrganisationStatus } from '../organisations/organisation-status';
import { DISTRICTS } from '../organisations/region';
import { SchoolsService } from '../schools/schools.service';
import { PageRenderer } from './page-renderer';
import { pager, PAGE_ROWS, requestedPage } from './paging';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

const KINDS = ['unternehmen', 'schulen'] as const;

/** Organisers and partners look up companies and schools: search by name or town, filter, page. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('verwaltung/organisationen')
export class OrganisationPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly companies: CompaniesService,
    private readonly schools: SchoolsService,
  ) {}

  @Get()
  @Roles(Role.Organiser, Role.Partner)
  async list(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const kind = KINDS.find((k) => k === req.query.art) ?? 'unternehmen';
    const search = typeof req.query.suche === 'string' ? req.query.suche.trim().slice(0, 100) : '';
    const status = ORGANISATION_STATUSES.find((s) => s === req.query.status) as OrganisationStatus | undefined;
    const page = requestedPage(req);
    const query = { q: search || undefined, status, page, pageSize: PAGE_ROWS };
    const found = kind === 'schulen' ? await this.schools.list(actor, query) : await this.companies.list(actor, query);
    res.send(
      this.pages.render('admin-organisations', pageContext(req, res, text(actor.locale, 'orgs.title'), {
        section: 'admin',
        kind,
        search,
        status: status ?? '',
        kinds: KINDS.map((value) => ({ value, label: text(actor.locale, `orgs.${value}`) })),
        statuses: [{ value: '', label: text(actor.locale, 'orgs.allStatuses') }, ...ORGANISATION_STATUSES.map((value) => ({ value, label: text(actor.locale, `orgStatus.${value}`) }))],
        rows: found.items.map((o) => ({ ...o, districtName: DISTRICTS[o.district] })),
        pager: pager(page, found.total, { art: kind, suche: search, status }),
      })),
    );
  }
}
