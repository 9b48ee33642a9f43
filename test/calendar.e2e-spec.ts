import * as ical from 'node-ical';
import request from 'supertest';
import { Role } from '../src/common/identity/role';
import { ApiClient, explain, newClass, newCompany, newEvent, newPupil, newSchool, newStaff, newTimeSlot } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const vevents = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');

describe('calendars: .ics entries and subscription feeds, read by an independent parser', () => {
  let t: TestApp;
  let organiser: ApiClient;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let company: Awaited<ReturnType<typeof newCompany>>;
  let placementId: string;
  let visitId: string;
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
    await organiser.post('/api/v1/school-holidays', { schoolYear: '2026/27', name: 'Osterferien', firstDay: '2027-03-22', lastDay: '2027-04-03' }).expect(201);
    school = await newSchool(t, { approvedBy: organiser });
    company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Kfz-Werkstatt Sondershausen' } });
    const term = await newEvent(organiser, 'praxistage', { startsOn: '2027-02-08', endsOn: '2027-06-30' });
    const offer = await company.client
      .post(`/api/v1/events/${term.id}/offers`, {
        occupationalField: 'Fahrzeugtechnik', weekdays: [5], placesPerWeekday: 1, dailyStart: '07:30', dailyEnd: '14:00',
        firstDate: '2027-03-01', lastDate: '2027-04-16', street: 'Am Anger 3', postalCode: '99706', town: 'Sondershausen',
        mentor: 'Herr Kolben', contactPerson: 'Frau Zylinder', contactPhone: '03632 1234', contactEmail: 'werkstatt@kfz.example',
      })
      .expect(explain(201));
    const schoolClass = await newClass(school.client, school.id, { name: '8c' });
    const pupil = await newPupil(school.client, school.id, schoolClass.id, { firstName: 'Jonas', lastName: 'Reifen' });
    placementId = (await school.client.post(`/api/v1/events/${term.id}/placements`, { offerId: offer.body.id, weekday: 5, pupilId: pupil.id }).expect(201)).body.id;
    await company.client.post(`/api/v1/bookings/${placementId}/cancelled-days`, { date: '2027-04-09', reason: 'Inventur' }).expect(201);

    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Handwerkertag 2027' });
    const slot = await newTimeSlot(organiser, fair.id, 50, '2027-05-08T08:30');
    visitId = (await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: schoolClass.id, pupils: 20, teachers: 2 }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('makes a weekly placement one recurring entry whose expanded dates are exactly the placement’s days', async () => {
    const api = (await school.client.get(`/api/v1/bookings/${placementId}/dates`).expect(200)).body;
    expect(api.days.map((d: { date: string }) => d.date)).toEqual(['2027-03-05', '2027-03-12', '2027-03-19', '2027-04-16']);

    const res = await school.client.get(`/api/v1/bookings/${placementId}/calendar.ics`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const [entry] = vevents(res.text);
    expect(entry.rrule).toBeDefined();
    expect(entry.uid).toBe(`booking-${placementId}@praxisnah`);
    expect(String(entry.summary)).toBe('Praxistag: Jonas Reifen bei Kfz-Werkstatt Sondershausen');
    const instances = ical.expandRecurringEvent(entry, { from: new Date('2027-01-01'), to: new Date('2027-12-31') });
    // the same instants, across the change to summer time on 28 March
    expect(instances.map((i) => new Date(i.start).toISOString())).toEqual(api.days.map((d: { startsAt: string }) => d.startsAt));
    expect(instances.map((i) => new Date(i.end).toISOString())).toEqual(api.days.map((d: { endsAt: string }) => d.endsAt));
    expect(new Date(instances[0].start).toISOString()).toBe('2027-03-05T06:30:00.000Z');
    expect(new Date(instances.at(-1)!.start).toISOString()).toBe('2027-04-16T05:30:00.000Z');
    // Karfreitag, the Easter holidays and the cancelled day are EXDATEs; UNTIL is in UTC
    expect(res.text).toMatch(/RRULE:FREQ=WEEKLY;UNTIL=\d{8}T\d{6}Z/);
    const exdates = /EXDATE;TZID=Europe\/Berlin:([^\r\n]*)/.exec(res.text)![1].split(',');
    expect(exdates).toEqual(['20270326T073000', '20270402T073000', '20270409T073000']);
  });

  it('writes single appointments in Berlin time with the zone definition', async () => {
    const res = await school.client.get(`/api/v1/bookings/${visitId}/calendar.ics`).expect(200);
    const [entry] = vevents(res.text);
    expect(new Date(entry.start).toISOString()).toBe('2027-05-08T06:30:00.000Z');
    expect(res.text).toMatch(/DTSTART;TZID=Europe\/Berlin:20270508T083000/);
    expect(res.text).toMatch(/BEGIN:VTIMEZONE/);
    expect(String(entry.summary)).toBe('Klassenbesuch 8c: Handwerkertag 2027');
    await company.client.get(`/api/v1/bookings/${visitId}/calendar.ics`).expect(404); // not the company's booking
  });

  it('gives each organisation a private feed with exactly its own bookings', async () => {
    const feed = (await school.client.get('/api/v1/calendar/feed').expect(200)).body;
    expect(feed.webcalUrl).toMatch(/^webcal:\/\//);
    const path = new URL(feed.url).pathname;
    const schoolFeed = await request(t.http).get(path).expect(200);
    expect(vevents(schoolFeed.text).map((e) => e.uid).sort()).toEqual([`booking-${placementId}@praxisnah`, `booking-${visitId}@praxisnah`].sort());

    const companyPath = new URL((await company.client.get('/api/v1/calendar/feed').expect(200)).body.url).pathname;
    const companyFeed = await request(t.http).get(companyPath).expect(200);
    expect(vevents(companyFeed.text).map((e) => e.uid)).toEqual([`booking-${placementId}@praxisnah`]);

    const other = await newSchool(t, { approvedBy: organiser });
    const otherPath = new URL((await other.client.get('/api/v1/calendar/feed').expect(200)).body.url).pathname;
    expect(vevents((await request(t.http).get(otherPath).expect(200)).text)).toEqual([]);
  });

  it('answers conditional requests with 304, and a change with a new ETag', async () => {
    const path = new URL((await school.client.get('/api/v1/calendar/feed').expect(200)).body.url).pathname;
    const first = await request(t.http).get(path).expect(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"/);
    expect(first.headers['last-modified']).toBeDefined();
    await request(t.http).get(path).set('If-None-Match', etag).expect(304);
    await request(t.http).get(path).set('If-Modified-Since', first.headers['last-modified']).expect(304);

    await new Promise((r) => setTimeout(r, 1100)); // HTTP dates have seconds; the ETag sees changes within one
    await school.client.post(`/api/v1/bookings/${visitId}/cancel`).expect(200);
    const changed = await request(t.http).get(path).set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(vevents(changed.text).map((e) => e.uid)).toEqual([`booking-${placementId}@praxisnah`]);
    await request(t.http).get(path).set('If-Modified-Since', first.headers['last-modified']).expect(200);
  });

  it('writes the feed again at once when a practice day is cancelled, though its copy is fresh', async () => {
    const path = new URL((await school.client.get('/api/v1/calendar/feed').expect(200)).body.url).pathname;
    const exdates = (text: string) => /EXDATE;TZID=Europe\/Berlin:([^\r\n]*)/.exec(text)![1].split(',');
    expect(exdates((await request(t.http).get(path).expect(200)).text)).not.toContain('20270312T073000');
    await company.client.post(`/api/v1/bookings/${placementId}/cancelled-days`, { date: '2027-03-12', reason: 'Betriebsausflug' }).expect(201);
    expect(exdates((await request(t.http).get(path).expect(200)).text)).toContain('20270312T073000');
    await company.client.delete(`/api/v1/bookings/${placementId}/cancelled-days/2027-03-12`).expect(200);
    expect(exdates((await request(t.http).get(path).expect(200)).text)).not.toContain('20270312T073000');
  });

  it('kills the old address at once when the feed is renewed', async () => {
    const before = (await company.client.get('/api/v1/calendar/feed').expect(200)).body;
    const renewed = (await company.client.post('/api/v1/calendar/feed/renew').expect(200)).body;
    expect(renewed.id).toBe(before.id);
    expect(renewed.url).not.toBe(before.url);
    await request(t.http).get(new URL(before.url).pathname).expect(404);
    await request(t.http).get(new URL(renewed.url).pathname).expect(200);
    const guessed = new URL(renewed.url).pathname.replace(/\/pxc_[^/]+\//, '/pxc_falsch/');
    await request(t.http).get(guessed).expect(404);
  });

  it('gives organisers a feed of all events, and every event a download', async () => {
    const path = new URL((await organiser.get('/api/v1/calendar/feed').expect(200)).body.url).pathname;
    const events = vevents((await request(t.http).get(path).expect(200)).text);
    expect(events.map((e) => String(e.summary))).toEqual(expect.arrayContaining(['Handwerkertag: Handwerkertag 2027', 'Praxistage: Praxistage 2. Halbjahr']));
    const fair = events.find((e) => String(e.summary).includes('Handwerkertag 2027'))!;
    expect(fair.datetype).toBe('date');

    const list = await request(t.http).get('/api/v1/events?program=handwerkertag').expect(200);
    const download = await request(t.http).get(`/api/v1/events/${list.body.items[0].id}/calendar.ics`).expect(200);
    expect(vevents(download.text)).toHaveLength(1);
  });
});
