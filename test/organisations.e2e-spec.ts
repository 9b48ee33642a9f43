import { Role } from '../src/common/identity/role';
import { ApiClient, newClass, newCompany, newPupil, newSchool, newStaff } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('companies and schools: profiles, approval, classes, pupils', () => {
  let t: TestApp;
  let organiser: ApiClient;
  beforeAll(async () => {
    t = await startTestApp();
    organiser = (await newStaff(t, Role.Organiser)).client;
  });
  afterAll(() => t.close());

  it('lets a pending company keep its profile; the organiser approves it', async () => {
    const company = await newCompany(t);
    const updated = await company.client
      .patch(`/api/v1/companies/${company.id}`, { description: 'Wir bauen Möbel nach Maß.', website: 'https://tischlerei.example' })
      .expect(200);
    expect(updated.body).toMatchObject({ description: 'Wir bauen Möbel nach Maß.', status: 'pending' });

    const approved = await organiser.post(`/api/v1/companies/${company.id}/approve`).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });

    // a member cannot approve itself, nor set its status through the profile
    await company.client.post(`/api/v1/companies/${company.id}/approve`).expect(403);
    const sneaky = await company.client.patch(`/api/v1/companies/${company.id}`, { status: 'approved' }).expect(400);
    expect(sneaky.body.errors).toEqual([{ field: 'status', code: 'unknownField', message: 'ist kein bekanntes Feld' }]);
  });

  it('records a rejection with its reason', async () => {
    const school = await newSchool(t);
    const rejected = await organiser.post(`/api/v1/schools/${school.id}/reject`, { reason: 'Keine Schule in Nordthüringen' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Keine Schule in Nordthüringen' });
  });

  it('lets organisers search and filter companies by district, branch and status, paged', async () => {
    await newCompany(t, { profile: { name: 'Elektro Kyffhäuser', district: 'kyffhaeuserkreis', branch: 'Elektrohandwerk', town: 'Sondershausen' } });
    await newCompany(t, { profile: { name: 'Elektro Eichsfeld', district: 'eichsfeld', branch: 'Elektrohandwerk', town: 'Leinefelde' }, approvedBy: organiser });
    await newCompany(t, { profile: { name: 'Bäckerei 100%_Korn', district: 'eichsfeld', branch: 'Bäckerhandwerk' } });

    const byBranch = await organiser.get('/api/v1/companies?branch=elektrohandwerk').expect(200);
    expect(byBranch.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['Elektro Eichsfeld', 'Elektro Kyffhäuser']);

    const approvedInEichsfeld = await organiser.get('/api/v1/companies?district=eichsfeld&status=approved').expect(200);
    expect(approvedInEichsfeld.body.items.map((c: { name: string }) => c.name)).toEqual(['Elektro Eichsfeld']);

    const search = await organiser.get(`/api/v1/companies?q=${encodeURIComponent('100%_')}`).expect(200);
    expect(search.body.items.map((c: { name: string }) => c.name)).toEqual(['Bäckerei 100%_Korn']); // % and _ are literal

    const page = await organiser.get('/api/v1/companies?pageSize=2&page=2').expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    expect(page.body.items.length).toBeLessThanOrEqual(2);

    const bad = await organiser.get('/api/v1/companies?district=berlin&pageSize=1000&sort=name').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['district', 'pageSize', 'sort']);
  });

  it('lists schools by type; members cannot list organisations', async () => {
    const school = await newSchool(t, { profile: { name: 'Staatliches Gymnasium Sondershausen', schoolType: 'gymnasium', district: 'kyffhaeuserkreis' } });
    const gymnasien = await organiser.get('/api/v1/schools?schoolType=gymnasium').expect(200);
    expect(gymnasien.body.items.map((s: { id: string }) => s.id)).toContain(school.id);
    await school.client.get('/api/v1/schools').expect(403);
  });

  it('keeps classes per school with unique names and grades 5–13', async () => {
    const school = await newSchool(t);
    const eightA = await newClass(school.client, school.id, { name: '8a' });
    const duplicate = await school.client
      .post(`/api/v1/schools/${school.id}/classes`, { name: '8A', grade: 8, pupilCount: 20, classTeacher: 'Frau Doppelt' })
      .expect(409);
    expect(duplicate.body).toMatchObject({ code: 'class_name_taken', detail: 'Die Klasse „8A“ gibt es an Ihrer Schule schon.' });
    const tooYoung = await school.client
      .post(`/api/v1/schools/${school.id}/classes`, { name: '4b', grade: 4, pupilCount: 20, classTeacher: 'Frau Klein' })
      .expect(400);
    expect(tooYoung.body.errors).toEqual([{ field: 'grade', code: 'min', message: 'darf nicht kleiner als 5 sein' }]);

    await school.client.patch(`/api/v1/schools/${school.id}/classes/${eightA.id}`, { pupilCount: 26 }).expect(200);
    const list = await school.client.get(`/api/v1/schools/${school.id}/classes`).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ name: '8a', pupilCount: 26, grade: 8 })]);
  });

  it('stores pupils with first name, last name, class and consent date — and nothing more', async () => {
    const school = await newSchool(t);
    const schoolClass = await newClass(school.client, school.id, { name: '8b' });
    const pupil = await newPupil(school.client, school.id, schoolClass.id, { firstName: 'Mia', lastName: 'Krause' });
    expect(Object.keys(pupil).sort()).toEqual(['classId', 'consentRecordedOn', 'createdAt', 'firstName', 'id', 'lastName', 'schoolId']);
    expect(pupil).toMatchObject({ consentRecordedOn: '2026-09-01' });

    const extra = await school.client
      .post(`/api/v1/schools/${school.id}/pupils`, {
        firstName: 'Tom', lastName: 'Berg', classId: schoolClass.id, consentRecordedOn: '2026-09-01',
        birthDate: '2012-03-04', email: 'tom@example.org', phone: '0151 123',
      })
      .expect(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['birthDate', 'email', 'phone']);

    const noConsent = await school.client
      .post(`/api/v1/schools/${school.id}/pupils`, { firstName: 'Tom', lastName: 'Berg', classId: schoolClass.id })
      .expect(400);
    expect(noConsent.body.errors).toEqual([{ field: 'consentRecordedOn', code: 'isDefined', message: 'fehlt' }]);

    const badDate = await school.client
      .post(`/api/v1/schools/${school.id}/pupils`, { firstName: 'Tom', lastName: 'Berg', classId: schoolClass.id, consentRecordedOn: '2026-02-30' })
      .expect(400);
    expect(badDate.body.errors[0]).toMatchObject({ field: 'consentRecordedOn', message: 'muss ein gültiges Datum im Format JJJJ-MM-TT sein' });

    // a class of another school is not a class of this one
    const other = await newSchool(t);
    const otherClass = await newClass(other.client, other.id);
    const foreignClass = await school.client
      .post(`/api/v1/schools/${school.id}/pupils`, { firstName: 'Tom', lastName: 'Berg', classId: otherClass.id, consentRecordedOn: '2026-09-01' })
      .expect(400);
    expect(foreignClass.body.errors).toEqual([{ field: 'classId', code: 'unknownClass', message: 'ist keine Klasse Ihrer Schule' }]);

    const inClass = await school.client.get(`/api/v1/schools/${school.id}/pupils?classId=${schoolClass.id}`).expect(200);
    expect(inClass.body).toHaveLength(1);
  });

  it('refuses to delete a class that still has pupils; deletes a pupil at once', async () => {
    const school = await newSchool(t);
    const schoolClass = await newClass(school.client, school.id);
    const pupil = await newPupil(school.client, school.id, schoolClass.id);
    const refused = await school.client.delete(`/api/v1/schools/${school.id}/classes/${schoolClass.id}`).expect(409);
    expect(refused.body.code).toBe('class_has_pupils');
    await school.client.delete(`/api/v1/schools/${school.id}/pupils/${pupil.id}`).expect(204);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM pupils WHERE id = $1`, [pupil.id]);
    expect(count).toBe(0);
    await school.client.delete(`/api/v1/schools/${school.id}/classes/${schoolClass.id}`).expect(204);
  });

  it('companies do not see pupils', async () => {
    const school = await newSchool(t);
    const company = await newCompany(t);
    await company.client.get(`/api/v1/schools/${school.id}/pupils`).expect(403);
  });
});
