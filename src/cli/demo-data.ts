import type { INestApplication } from '@nestjs/common';
import { AccountsService } from '../auth/accounts.service';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { OrganisationDecisionsService } from '../organisations/organisation-decisions.service';
import { RegistrationService } from '../organisations/registration.service';
import { PupilsService } from '../schools/pupils.service';
import { SchoolClassesService } from '../schools/school-classes.service';
import { handwerkertagDemo } from '../programs/handwerkertag/handwerkertag.demo';
import { praxistageDemo } from '../programs/praxistage/praxistage.demo';
import { schuleTrifftWirtschaftDemo } from '../programs/schule-trifft-wirtschaft/schule-trifft-wirtschaft.demo';
import { DemoCast, demoDay, DemoLogins } from './demo-cast';

export const DEMO_PASSWORD = 'praxisnah-demo';
/** The demo's organiser: where it exists, the start page says that this is a demo. */
export const DEMO_ORGANISER = 'organisation@demo.praxisnah';
/** The logins the start page of a demo names, by the role's text key. */
export const DEMO_LOGINS: Array<{ role: string; email: string }> = [
  { role: 'home.demo.organiser', email: DEMO_ORGANISER },
  { role: 'home.demo.partner', email: 'partner@demo.praxisnah' },
  { role: 'home.demo.company', email: 'betrieb@goldkorn.demo' },
  { role: 'home.demo.school', email: 'schule@lessing.demo' },
  { role: 'home.demo.tipSchool', email: 'schule@tip-schule1.demo' },
];

const actorOf = (user: { id: string; role: Role; companyId: string | null; schoolId: string | null }): Actor => ({
  userId: user.id, role: user.role, companyId: user.companyId, schoolId: user.schoolId, locale: 'de', credential: { kind: 'cookie', id: 'demo' },
});

/**
 * A living demo: the three programs with events, companies, schools, classes, pupils and
 * bookings, made through the same services as everything else. Returns the logins and pupils' codes.
 */
export async function createDemo(app: INestApplication): Promise<Required<DemoLogins>> {
  const accounts = app.get(AccountsService);
  const registration = app.get(RegistrationService);
  const decisions = app.get(OrganisationDecisionsService);
  const organiserUser = await accounts.create({ email: DEMO_ORGANISER, name: 'Regionalmanagement (Demo)', password: DEMO_PASSWORD, role: Role.Organiser });
  const organiser = actorOf(organiserUser);
  await accounts.create({ email: 'partner@demo.praxisnah', name: 'Agentur für Arbeit (Demo)', password: DEMO_PASSWORD, role: Role.Partner });

  const company = async (name: string, branch: string, town: string, postalCode: string, district: string, email: string) => {
    const result = await registration.registerCompany(
      { name, street: 'Hauptstraße 1', postalCode, town, district: district as never, branch, apprenticeships: [branch], contactPerson: 'Demo Kontakt', phone: '03631 123456', email: `info@${email}` },
      { name: `${name} (Demo)`, email: `betrieb@${email}`, password: DEMO_PASSWORD },
      null,
    );
    await decisions.approve(organiser, 'company', result.company.id);
    return actorOf(result.user);
  };
  const school = async (name: string, town: string, postalCode: string, district: string, email: string) => {
    const result = await registration.registerSchool(
      { name, schoolType: 'regelschule', street: 'Schulstraße 5', postalCode, town, district: district as never, coordinator: 'Frau Demo', phone: '03631 654321', email: `sekretariat@${email}` },
      { name: `Lehrkraft ${name}`, email: `schule@${email}`, password: DEMO_PASSWORD },
      null,
    );
    await decisions.approve(organiser, 'school', result.school.id);
    return actorOf(result.user);
  };
  const baecker = await company('Bäckerei Goldkorn', 'Bäckerhandwerk', 'Nordhausen', '99734', 'nordhausen', 'goldkorn.demo');
  const elektro = await company('Elektro Kyffhäuser', 'Elektrohandwerk', 'Sondershausen', '99706', 'kyffhaeuserkreis', 'elektro.demo');
  await company('Tischlerei Eichsfeld', 'Tischlerhandwerk', 'Leinefelde-Worbis', '37327', 'eichsfeld', 'tischlerei.demo');
  const lessing = await school('Lessingschule Nordhausen', 'Nordhausen', '99734', 'nordhausen', 'lessing.demo');
  await school('Franzbergschule Sondershausen', 'Sondershausen', '99706', 'kyffhaeuserkreis', 'franzberg.demo');
  await school('Johann-Carl-Fuhlrott-Schule Leinefelde', 'Leinefelde-Worbis', '37327', 'eichsfeld', 'fuhlrott.demo');

  const classes = app.get(SchoolClassesService);
  const eightA = await classes.create(lessing, lessing.schoolId!, { name: '8a', grade: 8, pupilCount: 24, classTeacher: 'Herr Kurz' });
  const eightB = await classes.create(lessing, lessing.schoolId!, { name: '8b', grade: 8, pupilCount: 22, classTeacher: 'Frau Lang' });
  const pupils = app.get(PupilsService);
  const mia = await pupils.create(lessing, lessing.schoolId!, { firstName: 'Mia', lastName: 'Beispiel', classId: eightA.id, consentRecordedOn: demoDay(-10) });
  await pupils.create(lessing, lessing.schoolId!, { firstName: 'Ben', lastName: 'Muster', classId: eightB.id, consentRecordedOn: demoDay(-10) });

  const cast: DemoCast = {
    organiser, lessing, baecker, elektro, eightA, eightB, mia,
    window: { registrationOpensAt: new Date(Date.now() - 86400_000), registrationClosesAt: new Date(Date.now() + 50 * 86400_000), cancellationDeadline: new Date(Date.now() + 40 * 86400_000) },
    newCompany: (name, branch, town, postalCode, district, domain) => company(name, branch, town, postalCode, district, domain),
    newSchool: (name, town, postalCode, district, domain) => school(name, town, postalCode, district, domain),
  };
  const members: Array<[string, string]> = [
    ['Regionalmanagement', 'organisation@demo.praxisnah'],
    ['Partner (nur lesen)', 'partner@demo.praxisnah'],
    ['Betrieb', 'betrieb@goldkorn.demo'],
    ['Betrieb', 'betrieb@elektro.demo'],
    ['Schule', 'schule@lessing.demo'],
  ];
  const pupilCodes: Array<[string, string]> = [];
  // each program lays out its own part of the demo, from its own folder
  for (const demo of [handwerkertagDemo, praxistageDemo, schuleTrifftWirtschaftDemo]) {
    const added = await demo(app, cast);
    if (added) {
      members.push(...(added.members ?? []));
      pupilCodes.push(...(added.pupilCodes ?? []));
    }
  }
  return { members, pupilCodes };
}

/** The logins of a demo in plain words, for the terminal. */
export function describeDemo({ members, pupilCodes }: Required<DemoLogins>, publicUrl: string): string {
  const lines = members.map(([role, email]) => `  ${role.padEnd(28)} ${email}`).join('\n');
  let text = `\nDemo angelegt. Anmelden auf ${publicUrl}/anmelden mit Passwort "${DEMO_PASSWORD}":\n${lines}\n\n`;
  // pupils have no e-mail and no password: they log in with the code from their school's letter
  const codes = pupilCodes.map(([code, who]) => `  ${code}   ${who}`).join('\n');
  if (codes) text += `Schülerinnen und Schüler melden sich auf ${publicUrl}/tip mit ihrem Code an:\n${codes}\n\n`;
  return text;
}
