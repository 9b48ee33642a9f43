import { Role } from '../src/common/identity/role';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { classVisitConfirmation } from '../src/programs/handwerkertag/documents/fair-confirmations';
import { ApiClient, explain, newClass, newCompany, newEvent, newPupil, newSchool, newStaff, newTimeSlot, standApplication } from './support/factories';
import { TestMailServer } from './support/mail-server';
import { asBytes, qrCodesIn, readPdf, ReadPdf } from './support/pdf-reading';
import { approvedSteckbrief, newYear } from './support/praxistage-year';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The generated documents, read back with an independent parser: their text, pages, fonts,
 * language and structure; that a pupil appears on paper with first name, last name and
 * class only; who may download which; and which mails carry them.
 */
describe('documents', () => {
  const inbox = new TestMailServer();
  let t: TestApp;
  let organiser: ApiClient;
  let partner: ApiClient;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let company: Awaited<ReturnType<typeof newCompany>>;
  let year: string;
  let classId: string;
  const pupils: Record<'lena' | 'jonas', { id: string; code: string; placementId: string }> = {} as never;

  const pdf = async (client: ApiClient, path: string, status = 200) => {
    const res = await asBytes(client.get(path)).expect(explain(status));
    if (status === 200) expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };

  /** What every document must be: tagged, in its language, with its title shown and only embedded fonts. */
  const expectAccessible = (read: ReadPdf, language: string) => {
    expect(read.markInfo?.Marked).toBe(true);
    expect(read.language).toBe(language);
    expect(read.displayTitle).toBe(true);
    expect(read.title).toBeTruthy();
    expect(read.pdfUaPart).toBe('1');
    expect(read.roles).toEqual(expect.arrayContaining(['Document', 'H1', 'P']));
    expect(read.fonts.length).toBeGreaterThan(0);
    for (const font of read.fonts) expect(font).toMatchObject({ embedded: true, standard: false });
  };

  beforeAll(async () => {
    await inbox.start();
    t = await startTestApp({ SMTP_URL: inbox.url });
    organiser = (await newStaff(t, Role.Organiser)).client;
    partner = (await newStaff(t, Role.Partner)).client;
    company = await newCompany(t, { approvedBy: organiser, profile: { name: 'Metallbau Keil GmbH' } });
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Lessingschule Nordhausen' } });
    classId = (await newClass(school.client, school.id, { name: '8a', grade: 8 })).id;
    year = (await newYear(organiser, [1])).eventId;
    const brief = await approvedSteckbrief(company.client, organiser, year, [{ phase: 1, weekday: 2, places: 5 }]);
    await school.client.put(`/api/v1/praxistage/years/${year}/participation`, { weekday: 2 }).expect(explain(200));
    for (const [key, firstName, lastName] of [['lena', 'Lena', 'Vogt'], ['jonas', 'Jonas', 'Brandt']] as const) {
      const pupil = await newPupil(school.client, school.id, classId, { firstName, lastName, consentRecordedOn: '2026-09-03' });
      await school.client.post(`/api/v1/praxistage/years/${year}/participants`, { pupilIds: [pupil.id] }).expect(explain(200));
      const [code] = (await school.client.post(`/api/v1/praxistage/years/${year}/codes`, { pupilIds: [pupil.id] }).expect(explain(200))).body;
      const application = await school.client
        .post(`/api/v1/praxistage/years/${year}/participants/${pupil.id}/applications`, { offerId: brief.id, message: 'Ich schraube gern an Fahrrädern.' })
        .expect(explain(201));
      await company.client.post(`/api/v1/praxistage/applications/${application.body.id}/offer`).expect(explain(200));
      await school.client.post(`/api/v1/praxistage/years/${year}/participants/${pupil.id}/applications/${application.body.id}/accept`).expect(explain(200));
      const [{ id: placementId }] = await t.dataSource.query(`SELECT id FROM bookings WHERE pupil_id = $1 AND status = 'confirmed'`, [pupil.id]);
      pupils[key] = { id: pupil.id, code: code.code, placementId };
    }
    // Lena is ill on her first practice day
    const dates = await school.client.get(`/api/v1/bookings/${pupils.lena.placementId}/dates`).expect(explain(200));
    await school.client.post(`/api/v1/bookings/${pupils.lena.placementId}/cancelled-days`, { date: dates.body.days[0].date, reason: 'krank' }).expect(explain(201));
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await inbox.stop();
  });

  it('a pupil’s agreement says school, company, pupil, phase, weekday, hours, mentor, contact and rules, with four signatures', async () => {
    const read = await readPdf(await pdf(school.client, `/api/v1/praxistage/years/${year}/phases/1/pupils/${pupils.lena.id}/agreement.pdf`));
    expectAccessible(read, 'de-DE');
    expect(read.roles).toEqual(expect.arrayContaining(['H2', 'Table', 'TH', 'TD', 'L', 'LI']));
    for (const text of ['Praktikumsvereinbarung: Lena Vogt', '8a', 'Lessingschule Nordhausen', 'Metallbau Keil GmbH', 'Dienstag', '07:00 – 14:00 Uhr', 'Meister Brandt', 'Frau Keil', 'Industriestraße 4', 'Jugendarbeitsschutzgesetz', 'Unterschrift Erziehungsberechtigte', 'Unterschrift und Stempel Betrieb']) {
      expect(read.text).toContain(text);
    }
    expect(read.text).toMatch(/Seite 1 von \d/);
    // the phase's period holds her practice days, and their number is said
    const { days } = (await school.client.get(`/api/v1/bookings/${pupils.lena.placementId}/dates`).expect(200)).body as { days: Array<{ date: string }> };
    const [, from, until] = /Zeitraum (\d\d\.\d\d\.\d{4}) – (\d\d\.\d\d\.\d{4})/.exec(read.text)!;
    const iso = (german: string) => german.split('.').reverse().join('-');
    expect(iso(from) <= days[0].date && days[days.length - 1].date <= iso(until)).toBe(true);
    expect(read.text).toMatch(new RegExp(`Praxistage ${days.length}\\b`));
    expect(read.text).toMatch(/Phase 1\b/);
  });

  it('no document about a pupil holds more than first name, last name and class', async () => {
    const documents = [
      `/api/v1/praxistage/years/${year}/phases/1/pupils/${pupils.lena.id}/agreement.pdf`,
      `/api/v1/praxistage/years/${year}/pupils/${pupils.lena.id}/guardians-letter.pdf`,
      `/api/v1/praxistage/years/${year}/pupils/${pupils.lena.id}/certificate.pdf`,
      `/api/v1/bookings/${pupils.lena.placementId}/document.pdf`,
    ];
    for (const path of documents) {
      const read = await readPdf(await pdf(school.client, path));
      expect(read.text).toContain('Lena');
      expect(read.text).toContain('Vogt');
      expect(read.text).toContain('8a');
      // what else is stored of her: the day consent was recorded, her access code, her application's message, her id, the cancelled day's reason
      for (const stored of ['03.09.2026', '2026-09-03', pupils.lena.code, 'Fahrrädern', pupils.lena.id, 'krank']) expect({ path, found: read.text.includes(stored) }).toEqual({ path, found: false });
      expect(read.text).not.toContain('Jonas'); // nor anything of another pupil
    }
    // a class's bundles: both pupils by name and class, nothing else stored of either
    for (const path of [`/api/v1/praxistage/years/${year}/phases/1/classes/${classId}/agreements.pdf`, `/api/v1/praxistage/years/${year}/classes/${classId}/certificates.pdf`]) {
      const read = await readPdf(await pdf(school.client, path));
      for (const pupil of [pupils.lena, pupils.jonas]) {
        for (const stored of ['03.09.2026', '2026-09-03', pupil.code, 'Fahrrädern', pupil.id, 'krank']) expect({ path, found: read.text.includes(stored) }).toEqual({ path, found: false });
      }
    }
  });

  it('the guardians’ letter tells what is stored, for how long (the retention figures), and has a consent slip', async () => {
    const read = await readPdf(await pdf(school.client, `/api/v1/praxistage/years/${year}/pupils/${pupils.lena.id}/guardians-letter.pdf`));
    expectAccessible(read, 'de-DE');
    for (const text of ['Information für Erziehungsberechtigte', 'Was über Ihr Kind gespeichert wird', '6 Monate nach dem Ende', '90 Tagen', 'Einverständniserklärung', 'Unterschrift Erziehungsberechtigte']) {
      expect(read.text).toContain(text);
    }
  });

  it('the certificate counts the practice days without the cancelled ones', async () => {
    const days = async (pupilId: string) => {
      const read = await readPdf(await pdf(school.client, `/api/v1/praxistage/years/${year}/pupils/${pupilId}/certificate.pdf`));
      expectAccessible(read, 'de-DE');
      expect(read.text).toContain('Metallbau Keil GmbH');
      expect(read.text).toContain('Industriemechaniker/in');
      return Number(/Insgesamt (\d+) Praxistage/.exec(read.text)![1]);
    };
    const [lena, jonas] = [await days(pupils.lena.id), await days(pupils.jonas.id)];
    expect(jonas).toBeGreaterThan(3);
    expect(lena).toBe(jonas - 1);
  });

  it('a class’s agreements come as one PDF, one agreement per pupil; its certificates too', async () => {
    const agreements = await readPdf(await pdf(school.client, `/api/v1/praxistage/years/${year}/phases/1/classes/${classId}/agreements.pdf`));
    expectAccessible(agreements, 'de-DE');
    expect(agreements.text.match(/Praktikumsvereinbarung: /g)).toHaveLength(2);
    expect(agreements.text).toContain('Jonas Brandt');
    expect(agreements.text).toContain('Lena Vogt');
    expect(agreements.pageCount).toBeGreaterThanOrEqual(2);
    const certificates = await readPdf(await pdf(school.client, `/api/v1/praxistage/years/${year}/classes/${classId}/certificates.pdf`));
    expect(certificates.text.match(/Teilnahmebescheinigung: /g)).toHaveLength(2);
    // the page on the school's year page gives the same bundle
    const page = await readPdf(await pdf(school.client, `/praxistage/${year}/klassen/${classId}/phasen/1/vereinbarungen.pdf`));
    expect(page.text.match(/Praktikumsvereinbarung: /g)).toHaveLength(2);
  });

  it('English for a reader who chose it', async () => {
    await partner.patch('/api/v1/auth/me', { locale: 'en' }).expect(explain(200));
    const read = await readPdf(await pdf(partner, `/api/v1/praxistage/years/${year}/phases/1/pupils/${pupils.lena.id}/agreement.pdf`));
    expectAccessible(read, 'en-GB');
    expect(read.text).toContain('Placement agreement: Lena Vogt');
    expect(read.text).toContain('Tuesday');
    expect(read.text).toMatch(/Page 1 of \d/);
    await partner.patch('/api/v1/auth/me', { locale: 'de' }).expect(explain(200));
  });

  it('another school and another company get 404, the company its own placement’s agreement, partners read', async () => {
    const otherSchool = await newSchool(t, { approvedBy: organiser });
    const otherCompany = await newCompany(t, { approvedBy: organiser });
    const agreement = `/api/v1/praxistage/years/${year}/phases/1/pupils/${pupils.lena.id}/agreement.pdf`;
    for (const path of [agreement, `/api/v1/praxistage/years/${year}/pupils/${pupils.lena.id}/guardians-letter.pdf`, `/api/v1/praxistage/years/${year}/phases/1/classes/${classId}/agreements.pdf`, `/api/v1/bookings/${pupils.lena.placementId}/document.pdf`]) {
      await pdf(otherSchool.client, path, 404);
    }
    await pdf(otherCompany.client, agreement, 404);
    await pdf(otherCompany.client, `/api/v1/bookings/${pupils.lena.placementId}/document.pdf`, 404);
    expect((await readPdf(await pdf(company.client, agreement))).text).toContain('Lena Vogt');
    await pdf(company.client, `/api/v1/praxistage/years/${year}/pupils/${pupils.lena.id}/certificate.pdf`, 403);
    await pdf(partner, `/api/v1/praxistage/years/${year}/classes/${classId}/certificates.pdf`);
    await pdf(organiser, `/api/v1/praxistage/years/${year}/phases/2/classes/${classId}/agreements.pdf`, 404); // nobody placed in phase 2 yet
  });

  it('the confirmations of a class visit and of a stand arrive with their PDF; mails about placements never carry one', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Deine Region dein Handwerk' });
    const slot = await newTimeSlot(organiser, fair.id, 100);
    const visit = await school.client.post(`/api/v1/events/${fair.id}/class-visits`, { timeSlotId: slot.id, schoolClassId: classId, pupils: 23, teachers: 2 }).expect(explain(201));
    const stand = await company.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(explain(201));
    await organiser.post(`/api/v1/bookings/${stand.body.id}/confirm`, { standNumber: 17 }).expect(explain(200));
    await t.app.get(OutboxWorker).runOnce();
    await t.app.get(OutboxWorker).runOnce();

    const attachmentOf = (address: string, bookingId: string) => {
      const mails = inbox.to(address).filter((m) => m.subject?.startsWith('Buchung bestätigt') && m.text?.includes(bookingId));
      expect(mails).toHaveLength(1);
      const pdfs = mails[0].attachments.filter((a) => a.contentType === 'application/pdf');
      expect(pdfs).toHaveLength(1);
      return pdfs[0].content;
    };
    const visitPdf = await readPdf(attachmentOf(school.email, visit.body.id), true);
    expectAccessible(visitPdf, 'de-DE');
    for (const text of ['Bestätigung des Klassenbesuchs', 'Deine Region dein Handwerk', '08.05.2027', '08:30', 'Lessingschule Nordhausen', '8a', '23', '2']) expect(visitPdf.text).toContain(text);
    // the QR code leads to the class's check-in address, with the short code written beside it
    const pass = (await school.client.get(`/api/v1/bookings/${visit.body.id}/entrance-pass`).expect(200)).body;
    expect(qrCodesIn(visitPdf)).toEqual([pass.address]);
    expect(visitPdf.text).toContain(pass.shortCode);
    const standPdf = await readPdf(attachmentOf(company.email, stand.body.id));
    expectAccessible(standPdf, 'de-DE');
    for (const text of ['Standbestätigung', 'Standnummer', '17', 'Metallbau Keil GmbH', 'Mitmachaktion']) expect(standPdf.text).toContain(text);
    // the booking's page offers the same document
    const page = await readPdf(await pdf(school.client, `/buchungen/${visit.body.id}/dokument.pdf`));
    expect(page.text).toContain('Bestätigung des Klassenbesuchs');

    const placementMails: Array<{ id: string; attachment: Buffer | null }> = await t.dataSource.query(
      `SELECT m.id, m.attachment FROM outbox_mails m JOIN bookings b ON b.id = m.booking_id WHERE b.pupil_id IS NOT NULL`,
    );
    expect(placementMails.length).toBeGreaterThan(0);
    expect(placementMails.filter((m) => m.attachment)).toEqual([]);
    const delivered = inbox.received.filter((m) => placementMails.some((p) => m.headers.get('x-praxisnah-mail') === p.id));
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.flatMap((m) => m.attachments.filter((a) => a.contentType === 'application/pdf'))).toEqual([]);
  });

  it('a company that reads English gets its stand confirmation as an English PDF', async () => {
    const fair = await newEvent(organiser, 'handwerkertag', { title: 'Crafts fair in English' });
    const english = await newCompany(t, { approvedBy: organiser, profile: { name: 'Tischlerei Wood & Sons' } });
    await english.client.patch('/api/v1/auth/me', { locale: 'en' }).expect(explain(200));
    const stand = await english.client.post(`/api/v1/events/${fair.id}/stand-applications`, standApplication()).expect(explain(201));
    await organiser.post(`/api/v1/bookings/${stand.body.id}/confirm`, { standNumber: 4 }).expect(explain(200));
    await t.app.get(OutboxWorker).runOnce();
    const mails = inbox.to(english.email).filter((m) => m.subject === 'Booking confirmed: Crafts fair in English');
    expect(mails).toHaveLength(1);
    const [attachment] = mails[0].attachments.filter((a) => a.contentType === 'application/pdf');
    const read = await readPdf(attachment.content);
    expectAccessible(read, 'en-GB');
    for (const text of ['Stand confirmation', 'Stand number', '4', 'Tischlerei Wood & Sons', 'Hands-on activity']) expect(read.text).toContain(text);
    expect(read.text).not.toContain('Standbestätigung');
  });

  it('a class visit’s confirmation carries the QR code of the address it is given', async () => {
    const address = 'https://praxisnah.example/einlass/3Fq9-KxT2';
    const body = await classVisitConfirmation(
      { eventTitle: 'Deine Region dein Handwerk', venue: 'HABI', startsAt: new Date('2027-05-08T06:30:00Z'), endsAt: new Date('2027-05-08T08:00:00Z'), schoolName: 'Lessingschule', className: '8a', pupils: 23, teachers: 2 },
      'de',
      { checkIn: { address, shortCode: 'K7M2QXA' } },
    );
    const read = await readPdf(body, true);
    expectAccessible(read, 'de-DE');
    expect(read.roles).toContain('Figure');
    expect(qrCodesIn(read)).toEqual([address]);
    expect(read.text).toContain('K7M2QXA');
  });
});
