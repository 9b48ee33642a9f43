import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, invalidField, NotFoundError } from '../common/errors/domain-error';
import { isUniqueViolation } from '../database/pg-errors';
import { inTransaction } from '../database/transaction';
import { DateRange } from './placement-dates';
import { SchoolHoliday } from './school-holiday.entity';
import { parseSchoolHolidaysIcs } from './school-holidays-ics';
import { SchoolHolidayDto } from './dto/school-holiday.dto';

/** The school holidays of Thuringia per school year, which weekly placements skip. */
@Injectable()
export class SchoolHolidaysService {
  constructor(private readonly dataSource: DataSource) {}

  list(schoolYear?: string) {
    return this.dataSource.manager.find(SchoolHoliday, {
      where: schoolYear ? { schoolYear } : {},
      order: { firstDay: 'ASC' },
    });
  }

  async add(dto: SchoolHolidayDto) {
    this.checkOrder(dto.firstDay, dto.lastDay);
    try {
      const { identifiers } = await this.dataSource.manager.insert(SchoolHoliday, dto);
      return this.dataSource.manager.findOneByOrFail(SchoolHoliday, { id: identifiers[0].id });
    } catch (error) {
      if (isUniqueViolation(error, 'school_holidays_once')) throw new DomainError('conflict');
      throw error;
    }
  }

  /**
   * Imports an .ics file of holidays (e.g. from the ministry's calendar) into a school
   * year; holidays already there (same days) are left as they are.
   */
  async importIcs(schoolYear: string, text: string) {
    let ranges: DateRange[];
    try {
      ranges = parseSchoolHolidaysIcs(text);
    } catch (error) {
      throw invalidField('file', 'icsUnreadable', 'ics');
    }
    return inTransaction(this.dataSource, async (manager) => {
      let imported = 0;
      for (const range of ranges) {
        const rows = await manager.query(
          `INSERT INTO school_holidays (school_year, name, first_day, last_day) VALUES ($1, $2, $3, $4)
           ON CONFLICT (school_year, first_day, last_day) DO NOTHING RETURNING id`,
          [schoolYear, range.name.slice(0, 100) || 'Ferien', range.firstDay, range.lastDay],
        );
        imported += rows.length;
      }
      return { imported, skipped: ranges.length - imported, holidays: await manager.find(SchoolHoliday, { where: { schoolYear }, order: { firstDay: 'ASC' } }) };
    });
  }

  async remove(id: string) {
    const result = await this.dataSource.manager.delete(SchoolHoliday, { id });
    if (!result.affected) throw new NotFoundError('school_holidays');
  }

  /** Holidays overlapping [first, last], as date ranges for the placement dates. */
  async between(manager: EntityManager, first: string, last: string): Promise<DateRange[]> {
    const rows: SchoolHoliday[] = await manager
      .createQueryBuilder(SchoolHoliday, 'h')
      .where('h.first_day <= :last AND h.last_day >= :first', { first, last })
      .getMany();
    return rows.map((h) => ({ firstDay: h.firstDay, lastDay: h.lastDay, name: h.name }));
  }

  private checkOrder(firstDay: string, lastDay: string) {
    if (lastDay < firstDay) {
      throw invalidField('lastDay', 'notAfterStart', 'combination');
    }
  }
}
