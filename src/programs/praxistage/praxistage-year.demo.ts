import type { INestApplication } from '@nestjs/common';
import { Actor } from '../../common/identity/actor';
import { DemoCast, DemoLogins, demoDay } from '../../cli/demo-cast';
import { EventsService } from '../../events/events.service';
import { PupilsService } from '../../schools/pupils.service';
import { SchoolClassesService } from '../../schools/school-classes.service';
import { ApplicationsService, PupilRef } from './applications/applications.service';
import { planSampleYear, SampleApplication } from './sample-year/sample-year';
import { samplePhases } from './sample-year/sample-phases';
import { SteckbriefeService } from './steckbriefe/steckbriefe.service';
import { ParticipationService } from './year/participation.service';
import { YearsService } from './year/years.service';

// What a person trying the demo meets, in the order the services let it happen.
const DECISIONS: Array<SampleApplication['status']> = ['interview', 'declined_by_company', 'offered', 'accepted'];

/**
 * The demo's Tag in der Praxis: a year whose first phase takes applications now, three
 * schools on their weekdays with a class each and the pupils' codes, ten companies with
 * approved Steckbriefe, and the phase's applications in every state. It is the sample year
 * of the benchmark at a small size, carried out through the services as people would.
 */
export async function praxistageYearDemo(app: INestApplication, cast: DemoCast): Promise<DemoLogins> {
  const plan = planSampleYear({ schools: 3, classesPerSchool: 1, pupilsPerClass: 8, companies: 10, openPhase: 1, seed: 2027 });
  const phases = samplePhases(demoDay(0), 1);
  const firstYear = Number(phases[0].firstDay.slice(0, 4));
  const year = await app.get(YearsService).create(cast.organiser, { title: `Tag in der Praxis ${firstYear}/${String(firstYear + 1).slice(2)}`, firstPhaseYear: firstYear, phases });
  const eventId = year.eventId;
  await app.get(EventsService).changeStatus(cast.organiser, eventId, { status: 'published' });

  // Schools take part on their weekday with a class; the code letter is printed for it.
  const participation = app.get(ParticipationService);
  const pupilIds: string[] = [];
  const codes = new Map<string, string>();
  const schools: Actor[] = [];
  for (const school of plan.schools) {
    const member = await cast.newSchool(school.name, school.town, school.postalCode, school.district, `tip-schule${school.index + 1}.demo`);
    schools.push(member);
    await participation.setParticipation(member, eventId, { weekday: school.weekday });
    for (const planned of school.classes) {
      const schoolClass = await app.get(SchoolClassesService).create(member, member.schoolId!, { name: planned.name, grade: 8, pupilCount: planned.pupils.length, classTeacher: 'Frau Praxis' });
      for (const index of planned.pupils) {
        const pupil = plan.pupils[index];
        pupilIds[index] = (await app.get(PupilsService).create(member, member.schoolId!, { firstName: pupil.firstName, lastName: pupil.lastName, classId: schoolClass.id, consentRecordedOn: demoDay(-20) })).id;
      }
      await participation.add(member, eventId, { classIds: [schoolClass.id] });
      for (const line of await participation.issueCodes(member, eventId, { classId: schoolClass.id })) codes.set(line.pupilId, line.code);
    }
  }

  // Companies write their Steckbrief with places per phase and weekday; the organiser approves it.
  const steckbriefe = app.get(SteckbriefeService);
  const companies: Array<{ member: Actor; offerId: string }> = [];
  for (const company of plan.companies) {
    const member = await cast.newCompany(company.name, company.occupationalField, company.town, company.postalCode, company.district, `tip-betrieb${company.index + 1}.demo`);
    const steckbrief = await steckbriefe.create(member, eventId, {
      occupationalField: company.occupationalField, apprenticeship: company.apprenticeship, tasks: company.tasks, expectations: 'Pünktlichkeit, feste Schuhe',
      dailyStart: '07:30', dailyEnd: '14:30', street: 'Hauptstraße 1', postalCode: company.postalCode, town: company.town, district: company.district,
      mentor: 'Meisterin Lehr', contactPerson: 'Herr Ausbilder', contactPhone: '03631 2000', contactEmail: `ausbildung@tip-betrieb${company.index + 1}.demo`, places: company.places,
    });
    await steckbriefe.submit(member, steckbrief.id);
    await steckbriefe.review(cast.organiser, steckbrief.id, { decision: 'approve' });
    companies.push({ member, offerId: steckbrief.id });
  }

  // Pupils apply; then companies invite or decline, offer places, and some pupils accept (which withdraws their others).
  const applications = app.get(ApplicationsService);
  const refOf = (a: SampleApplication): PupilRef => ({ eventId, pupilId: pupilIds[a.pupil], schoolId: schools[plan.pupils[a.pupil].school].schoolId!, weekday: a.weekday });
  const sent = [...plan.applications].sort((a, b) => a.at - b.at);
  const ids = new Map<SampleApplication, string>();
  for (const a of sent) ids.set(a, (await applications.apply({ pupil: refOf(a) }, refOf(a), { offerId: companies[a.company].offerId, message: a.message || undefined })).id);
  for (const step of DECISIONS) {
    for (const a of sent) {
      const company = companies[a.company].member;
      const id = ids.get(a)!;
      if (step === 'interview' && a.status === 'interview') await applications.invite(company, id, { at: new Date(`${demoDay(7)}T14:00:00Z`), place: 'Empfang, Hauptstraße 1', note: 'Bitte die Bewerbungsmappe mitbringen.' });
      if (step === 'declined_by_company' && a.status === 'declined_by_company') await applications.decline(company, id, { reason: 'Die Plätze an diesem Tag sind schon vergeben.' });
      if (step === 'offered' && (a.status === 'offered' || a.status === 'accepted')) await applications.offer(company, id);
      if (step === 'accepted' && a.status === 'accepted') await applications.accept({ pupil: refOf(a) }, refOf(a), id);
    }
  }

  // A pupil of each kind to try: one holding an offer, one placed, one still waiting.
  const pupilCodes: Array<[string, string]> = [];
  for (const [status, what] of [['offered', 'hat ein Angebot'], ['accepted', 'hat einen Platz'], ['submitted', 'wartet auf Antwort']] as const) {
    const a = sent.find((x) => x.status === status && !pupilCodes.some(([code]) => code === codes.get(pupilIds[x.pupil])));
    if (!a) continue;
    const pupil = plan.pupils[a.pupil];
    pupilCodes.push([codes.get(pupilIds[a.pupil])!, `${pupil.firstName} ${pupil.lastName}, ${pupil.className}, ${plan.schools[pupil.school].name}: ${what}`]);
  }
  const busiest = plan.companies.map((c) => c.index).sort((x, y) => plan.applications.filter((a) => a.company === y).length - plan.applications.filter((a) => a.company === x).length)[0];
  return {
    members: [
      ['Schule (Tag in der Praxis)', 'schule@tip-schule1.demo'],
      ['Betrieb (Tag in der Praxis)', `betrieb@tip-betrieb${busiest + 1}.demo`],
    ],
    pupilCodes,
  };
}
