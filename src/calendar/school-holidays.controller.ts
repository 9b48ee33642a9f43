import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { StrictValidationPipe } from '../common/validation/validation.pipe';
import { Public, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { invalidField } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { IsOptional, Matches } from 'class-validator';
import { Text } from '../common/validation/rules';
import { SCHOOL_YEAR, SchoolHolidayDto, SchoolYearQuery } from './dto/school-holiday.dto';
import { SchoolHolidaysService } from './school-holidays.service';

class HolidayListQuery {
  @IsOptional()
  @Matches(SCHOOL_YEAR, { message: 'schoolYear' })
  schoolYear?: string;
}

class IcsImportDto {
  /** The content of an .ics file (VCALENDAR with one VEVENT per holiday period). */
  @Text(1_000_000)
  ics: string;
}

@ApiTags('school holidays')
@Controller('api/v1/school-holidays')
export class SchoolHolidaysController {
  constructor(private readonly holidays: SchoolHolidaysService) {}

  @Get()
  @Public()
  list(@Query() query: HolidayListQuery) {
    return this.holidays.list(query.schoolYear);
  }

  @Post()
  @Roles(Role.Organiser)
  add(@Body() body: SchoolHolidayDto) {
    return this.holidays.add(body);
  }

  /** Imports holidays from an .ics file: send it as text/calendar, or as JSON { "ics": "…" }. */
  @Post('import')
  @Roles(Role.Organiser)
  @ApiConsumes('text/calendar', 'application/json')
  @ApiBody({ type: IcsImportDto })
  async import(@Query() query: SchoolYearQuery, @Req() req: Request) {
    // JSON is checked like every other body (unknown fields refused); a calendar arrives as text
    const text =
      typeof req.body === 'string'
        ? req.body
        : ((await new StrictValidationPipe().transform(req.body, { type: 'body', metatype: IcsImportDto })) as IcsImportDto).ics;
    if (text.length === 0) throw invalidField('ics', 'should not be null or undefined', 'isDefined');
    return this.holidays.importIcs(query.schoolYear, text);
  }

  @Delete(':holidayId')
  @HttpCode(204)
  @Roles(Role.Organiser)
  remove(@Param('holidayId', UuidParam) holidayId: string) {
    return this.holidays.remove(holidayId);
  }
}
