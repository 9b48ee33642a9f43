import { Role } from '../src/common/identity/role';
import { newClass, newCompany, newPupil, newSchool, newStaff } from './support/factories';
import { PageVisitor } from './support/page-visitor';
import { approvedSteckbrief, newYear, participate, PupilClient } from './support/praxistage-year';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The occupational fields a pupil wishes, for the proposals: set by the pupil on the phone
 * (/tip) or by the coordinator on the pupil's page, chosen from the fields the year's
 * Steckbriefe offer, ranked, read back by the API the proposals use.
 */
describe('field wishes in the pages', () => {
  let t: TestApp;
  let school: Awaited<ReturnType<typeof newSchool>>;
  let eventId: string;
  let pupil: { pupilId: string; code: string };

  beforeAll(async () => {
    t = await startTestApp();
    const organiser = (await newStaff(t, Role.Organiser)).client;
    eventId = (await newYear(organiser, [1])).eventId;
    school = await newSchool(t, { approvedBy: organiser, profile: { name: 'Regelschule Wunsch' } });
    const classId = (await newClass(school.client, school.id, { name: '8w', grade: 8 })).id;
    await newPupil(school.client, school.id, classId, { firstName: 'Emil', lastName: 'Engel' });
    [pupil] = await participate(school.client, eventId, 3, classId);
    const metall = await newCompany(t, { approvedBy: organiser });
    const pflege = await newCompany(t, { approvedBy: organiser });
    await approvedSteckbrief(metall.client, organiser, eventId, [{ phase: 1, weekday: 3, places: 1 }]);
    await approvedSteckbrief(pflege.client, organiser, eventId, [{ phase: 1, weekday: 3, places: 1 }], { occupationalField: 'Pflege' });
  });
  afterAll(() => t.close());

  const wishesOfPupil = async () => (await (await PupilClient.login(t, pupil.code)).get('/api/v1/pupil/field-wishes').expect(200)).body.fields;

  it('lets the pupil rank the fields the Steckbriefe offer', async () => {
    const phone = await PageVisitor.anonymous(t);
    await phone.post('/tip', { code: pupil.code }).expect(303);
    const page = await phone.get('/tip/bewerbungen').expect(200);
    expect(page.text).toContain('<option value="Pflege"');
    expect(page.text).toContain('<option value="Metall, Maschinenbau"');
    const saved = await phone.post('/tip/wuensche', { wish1: 'Pflege', wish2: '', wish3: 'Metall, Maschinenbau' }).expect(303);
    expect(saved.headers.location).toBe('/tip/bewerbungen?ok=wishesSaved#wuensche');
    expect(await wishesOfPupil()).toEqual(['Pflege', 'Metall, Maschinenbau']);
    expect((await phone.get('/tip/bewerbungen').expect(200)).text).toMatch(/<option value="Pflege" selected>/);
  });

  it('lets the coordinator set them on the pupil\'s page, and refuses a field too long', async () => {
    const desk = await PageVisitor.loggedIn(t, school.email);
    const page = await desk.get(`/praxistage/${eventId}/schueler/${pupil.pupilId}`).expect(200);
    expect(page.text).toContain('id="wuensche"');
    await desk.post(`/praxistage/${eventId}/schueler/${pupil.pupilId}/wuensche`, { wish1: 'Metall, Maschinenbau' }).expect(303);
    expect(await wishesOfPupil()).toEqual(['Metall, Maschinenbau']);
    const tooLong = await desk.post(`/praxistage/${eventId}/schueler/${pupil.pupilId}/wuensche`, { wish1: 'x'.repeat(201) }).expect(400);
    expect(tooLong.text).toContain('aria-invalid="true"');
    expect(await wishesOfPupil()).toEqual(['Metall, Maschinenbau']);
  });
});
