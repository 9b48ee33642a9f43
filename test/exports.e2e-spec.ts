import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { Role } from '../src/common/identity/role';
import { ApiClient, explain, newClass, newCompany, newEvent, newPupil, newSchool, newStaff, newTimeSlot, standApplication } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const csvRows = (body: string) => parse(body, { delimiter: ';', bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('attendee lists: CSV, xlsx and printable pages', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let fairId: string;
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    fairId = (await newEvent(organiser, 'handwerkertag', { standCount: 2 })).id;
    const [a, b, c] = await Promise.all([
      newCompany(t, { approvedBy: organiser, profile: { name: '=HYPERLINK("http://evil.example","Klick")', district: 'eichsfeld' } }),
      newCompany(t, { approvedBy: organiser, profile: { name: 'Bäckerei Süß; & Söhne', contactPerson: 'Jürgen "Teig" Ofen', district: 'nordhausen' } }),
      newCompany(t, { approvedBy: organiser, profile: { name: 'Wartend GmbH' } }),
    ]);
    for (const [company, number, activity] of [[a, 2, '+Löten lernen'], [b, 1, 'Brezeln\nflechten']] as const) {
      const stand = await company.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication({ handsOnActivity: activity, powerNeeded: number === 1 })).expect(201);
      await organiser.post(`/api/v1/bookings/${stand.body.id}/confirm`, { standNumber: number }).expect(200);
    }
    await c.client.post(`/api/v1/events/${fairId}/stand-applications`, standApplication()).expect(201);

    const early = await newTimeSlot(organiser, fairId, 60, '2027-05-08T08:30');
    const late = await newTimeSlot(organiser, fairId, 60, '2027-05-08T10:30');
    const school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Nord', district: 'nordhausen' } });
    for (const [slot, name, pupils, teachers] of [[early, '8a', 20, 2], [early, '8b', 18, 1], [late, '9a', 25, 2]] as const) {
      const schoolClass = await newClass(school.client, school.id, { name });
      await school.client.post(`/api/v1/events/${fairId}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils, teachers }).expect(201);
    }
  });
  afterAll(() => t.close());

  const list = (name: string, params = '') => organiser.get(`/api/v1/events/${fairId}/lists/${name}${params}`);

  it('writes the stand list as CSV that German Excel opens: BOM, semicolons, German words, quoted where needed', async () => {
    const res = await list('stands').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="staende.csv"');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.text.split('\r\n')[0]).toBe('\uFEFFStand;Unternehmen;Ansprechperson;Telefon;Größe;Innen/Außen;Strom;Mitmachaktion;Personal;Status');
    const rows = csvRows(res.text);
    expect(rows.map((r) => r.Stand)).toEqual(['1', '2']); // confirmed only, by stand number
    expect(rows[0]).toMatchObject({ Unternehmen: 'Bäckerei Süß; & Söhne', Ansprechperson: 'Jürgen "Teig" Ofen', Strom: 'ja', Mitmachaktion: 'Brezeln\nflechten', 'Innen/Außen': 'innen', Status: 'bestätigt' });
    // a cell a spreadsheet would run as a formula is defused
    expect(rows[1].Unternehmen).toBe(`'=HYPERLINK("http://evil.example","Klick")`);
    expect(rows[1].Mitmachaktion).toBe(`'+Löten lernen`);
  });

  it('filters by status and district', async () => {
    expect(csvRows((await list('stands', '?status=pending').expect(200)).text)).toEqual([]);
    expect(csvRows((await list('stands', '?status=waitlisted').expect(200)).text).map((r) => r.Unternehmen)).toEqual(['Wartend GmbH']);
    expect(csvRows((await list('stands', '?district=eichsfeld').expect(200)).text)).toHaveLength(1);
    const bad = await list('stands', '?status=alle&format=pdf').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['format', 'status']);
  });

  it('lists class visits per time slot with the totals of each slot', async () => {
    const rows = csvRows((await list('class-visits').expect(200)).text);
    expect(rows.map((r) => [r['Zeitfenster ab'], r.Schule, r.Klasse, r.Personen])).toEqual([
      ['08.05.2027 08:30', 'Regelschule Nord', '8a', '22'],
      ['08.05.2027 08:30', 'Regelschule Nord', '8b', '19'],
      ['08.05.2027 08:30', 'Summe / total', '', '41'],
      ['08.05.2027 10:30', 'Regelschule Nord', '9a', '27'],
      ['08.05.2027 10:30', 'Summe / total', '', '27'],
    ]);
    expect(rows[2]).toMatchObject({ 'Schüler/innen': '38', Lehrkräfte: '3' });
  });

  it('writes an .xlsx with a bold, frozen header row and column widths', async () => {
    const res = await list('stands', '?format=xlsx').buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Stand', 'Unternehmen', 'Ansprechperson', 'Telefon', 'Größe', 'Innen/Außen', 'Strom', 'Mitmachaktion', 'Personal', 'Status']);
    expect(sheet.getColumn(2).width).toBe(30);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(2).getCell(7).value).toBe(true);
    expect(sheet.getRow(2).getCell(10).value).toBe('bestätigt');
    expect(sheet.getRow(3).getCell(2).value).toBe(`'=HYPERLINK("http://evil.example","Klick")`);
    expect(sheet.rowCount).toBe(3);
  });

  it('renders a printable page with everything escaped', async () => {
    const res = await list('stands', '?format=html').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toMatch(/^<!DOCTYPE html>\s*<html lang="de">/);
    expect(res.text).toContain('<th scope="col">Mitmachaktion</th>');
    expect(res.text).toContain('Bäckerei Süß; &amp; Söhne');
    // the print styles come from the app's address, which the content policy allows (no inline style)
    expect(res.text).toContain('<link rel="stylesheet" href="/static/list.css">');
    expect(res.text).not.toContain('<style');
    expect((await request(t.http).get('/static/list.css').expect(200)).text).toContain('@page { size: A4 landscape');
    const empty = await list('stands', '?format=html&status=pending').expect(200);
    expect(empty.text).toContain('Keine Einträge für diese Auswahl.');
  });

  it('lets organisers and partners have the lists, nobody else', async () => {
    const partner = (await newStaff(t, Role.Partner)).client;
    await partner.get(`/api/v1/events/${fairId}/lists/stands`).expect(200);
    const company = await newCompany(t, { approvedBy: organiser });
    await company.client.get(`/api/v1/events/${fairId}/lists/stands`).expect(403);
    const school = await newSchool(t, { approvedBy: organiser });
    expect((await school.client.get(`/api/v1/events/${fairId}/lists/stands`).expect(403)).body.code).toBe('forbidden');
    expect((await list('roster').expect(409)).body.code).toBe('wrong_program');
    await list('unbekannt').expect(404);
  });

  it('streams 100,000 rows with flat memory', async () => {
    const bigFair = (await newEvent(organiser, 'handwerkertag')).id;
    const slot = await newTimeSlot(organiser, bigFair, 10_000); // the rows are written directly; the counter plays no part in a list
    const school = await newSchool(t, { approvedBy: organiser });
    await t.dataSource.query(
      `WITH classes AS (
         INSERT INTO school_classes (school_id, name, grade, pupil_count, class_teacher)
         SELECT $1, 'K' || g, 8, 25, 'Frau Test' FROM generate_series(1, 100000) g RETURNING id)
       INSERT INTO bookings (event_id, kind, bookable_id, quantity, status, school_id, school_class_id, details)
       SELECT $2, 'class_visit', $3, 26, 'confirmed', $1, id, '{"pupils": 25, "teachers": 1}' FROM classes`,
      [school.id, bigFair, slot.id],
    );
    // what the app really holds: collect garbage before each sample (the app runs in this process)
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 250);
    const res = await fetch(`${await t.url()}/api/v1/events/${bigFair}/lists/class-visits?format=csv`, {
      headers: { Authorization: `Bearer ${organiser.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull(); // streamed, not assembled first
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    clearInterval(sampler);
    expect(lines).toBe(100_002); // header, 100,000 visits, one total
    expect(bytes).toBeGreaterThan(8_000_000);
    expect(peak - baseline).toBeLessThan(8 * 1024 * 1024); // less than the ~9 MB list itself: it never sits in memory
    // What this proves is memory, not speed: a full collection every 250 ms makes it slow, the
    // more so while the browser tests share the machine's two cores (seen past 120 s there).
  }, 400_000);
});

describe('attendee lists of a school day and of Praxistage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives the host school its session grid and the companies their schedule', async () => {
    const organiser = (await newStaff(t, Role.Organiser)).client;
    const host = await newSchool(t, { approvedBy: organiser });
    const day = await newEvent(organiser, 'schule-trifft-wirtschaft', { hostSchoolId: host.id });
    const periods = [];
    for (const [n, from, to] of [[1, '08:00', '08:45'], [2, '08:50', '09:35']] as const) {
      periods.push((await host.client.post(`/api/v1/events/${day.id}/periods`, { number: n, startsAt: `2027-03-10T${from}`, endsAt: `2027-03-10T${to}` }).expect(201)).body.id);
    }
    const classes = [];
    for (const name of ['8a', '8b']) {
      classes.push((await host.client.post(`/api/v1/events/${day.id}/classes`, { schoolClassId: (await newClass(host.client, host.id, { name })).id }).expect(201)).body.id);
    }
    const room = (await host.client.post(`/api/v1/events/${day.id}/rooms`, { name: 'Aula' }).expect(201)).body.id;
    const company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Stadtwerke' } });
    await company.client.post(`/api/v1/events/${day.id}/registrations`).expect(201);
    await company.client.post(`/api/v1/events/${day.id}/sessions`, { eventClassId: classes[1], periodId: periods[0], roomId: room }).expect(201);
    await company.client.post(`/api/v1/events/${day.id}/sessions`, { eventClassId: classes[0], periodId: periods[1] }).expect(201);

    const grid = csvRows((await host.client.get(`/api/v1/events/${day.id}/lists/grid`).expect(200)).text);
    expect(grid).toEqual([
      { Stunde: '1', Beginn: '08:00', Ende: '08:45', 'Klasse 8a': '', 'Klasse 8b': 'Stadtwerke (Aula)' },
      { Stunde: '2', Beginn: '08:50', Ende: '09:35', 'Klasse 8a': 'Stadtwerke', 'Klasse 8b': '' },
    ]);
    const schedule = csvRows((await host.client.get(`/api/v1/events/${day.id}/lists/company-schedule`).expect(200)).text);
    expect(schedule.map((r) => [r.Unternehmen, r.Stunde, r.Klasse, r.Raum])).toEqual([['Stadtwerke', '1', '8b', 'Aula'], ['Stadtwerke', '2', '8a', '']]);
    const other = await newSchool(t, { approvedBy: organiser });
    await other.client.get(`/api/v1/events/${day.id}/lists/grid`).expect(403);
  });

  it('lists the Praxistage roster with its days, and an attendance sheet per company and month', async () => {
    const organiser = (await newStaff(t, Role.Organiser)).client;
    await organiser.post('/api/v1/school-holidays', { schoolYear: '2026/27', name: 'Osterferien', firstDay: '2027-03-22', lastDay: '2027-04-03' }).expect(201);
    const term = await newEvent(organiser, 'praxistage', { startsOn: '2027-02-08', endsOn: '2027-06-30' });
    const company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Tischlerei Span' } });
    const school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Lessingschule' } });
    const offer = await company.client
      .post(`/api/v1/events/${term.id}/offers`, {
        occupationalField: 'Holz', weekdays: [1, 5], placesPerWeekday: 2, dailyStart: '07:30', dailyEnd: '14:00', firstDate: '2027-03-01', lastDate: '2027-04-16',
        street: 'Holzweg 2', postalCode: '99734', town: 'Nordhausen', mentor: 'Meister Span', contactPerson: 'Frau Span', contactPhone: '03631 5', contactEmail: 'span@tischlerei.example',
      })
      .expect(explain(201));
    const schoolClass = await newClass(school.client, school.id, { name: '8c' });
    const mia = await newPupil(school.client, school.id, schoolClass.id, { firstName: 'Mia', lastName: 'Ast' });
    const ben = await newPupil(school.client, school.id, schoolClass.id, { firstName: 'Ben', lastName: 'Brett' });
    const miaFriday = await school.client.post(`/api/v1/events/${term.id}/placements`, { offerId: offer.body.id, weekday: 5, pupilId: mia.id }).expect(201);
    const benMonday = await school.client.post(`/api/v1/events/${term.id}/placements`, { offerId: offer.body.id, weekday: 1, pupilId: ben.id }).expect(201);
    await company.client.post(`/api/v1/bookings/${miaFriday.body.id}/cancelled-days`, { date: '2027-03-12', reason: 'krank' }).expect(201);

    const roster = csvRows((await organiser.get(`/api/v1/events/${term.id}/lists/roster`).expect(200)).text);
    const apiDays = (await school.client.get(`/api/v1/bookings/${miaFriday.body.id}/dates`)).body.days.length;
    const benDays = (await school.client.get(`/api/v1/bookings/${benMonday.body.id}/dates`)).body.days.map((d: { date: string }) => d.date);
    expect(benDays).toEqual(['2027-03-01', '2027-03-08', '2027-03-15', '2027-04-05', '2027-04-12']); // 22 March holidays, 29 March Ostermontag
    expect(roster).toEqual([
      expect.objectContaining({ 'Schüler/in': 'Ast, Mia', Klasse: '8c', Schule: 'Lessingschule', Unternehmen: 'Tischlerei Span', Wochentag: 'Fr', 'Erster Tag': '05.03.2027', 'Letzter Tag': '16.04.2027', 'Anzahl Tage': String(apiDays) }),
      // the first and last practice day, not the placement's bounds: Monday 12 April is Ben's last
      expect.objectContaining({ 'Schüler/in': 'Brett, Ben', Wochentag: 'Mo', 'Erster Tag': '01.03.2027', 'Letzter Tag': '12.04.2027', 'Anzahl Tage': String(benDays.length) }),
    ]);

    const sheet = csvRows((await organiser.get(`/api/v1/events/${term.id}/lists/attendance?companyId=${company.id}&month=2027-03`).expect(200)).text);
    const mias = sheet.find((r) => r['Schüler/in'] === 'Ast, Mia')!;
    expect([mias['Fr 05.03.'], mias['Fr 12.03.'], mias['Fr 19.03.'], mias['Fr 26.03.'], mias['Mo 01.03.']]).toEqual(['', 'abgesagt', '', 'Feiertag', '–']);
    const bens = sheet.find((r) => r['Schüler/in'] === 'Brett, Ben')!;
    expect([bens['Mo 01.03.'], bens['Mo 22.03.'], bens['Mo 29.03.']]).toEqual(['', 'Ferien', 'Feiertag']);
    const missing = await organiser.get(`/api/v1/events/${term.id}/lists/attendance`).expect(400);
    expect(missing.body.errors[0].field).toBe('companyId');
  });
});
