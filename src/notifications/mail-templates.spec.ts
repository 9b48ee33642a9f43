import { MAIL_KINDS, MailTemplates } from './mail-templates';
import { retryDelaySeconds } from './outbox-worker';

const sample = {
  name: 'Anna', eventTitle: 'Messe <b>', what: 'Klasse 8a', when: 'morgen', where: 'Nordhausen', url: 'https://praxisnah.example/x?a=1&b=2',
  reason: 'Grund', by: 'dem Regionalmanagement', statusText: 'bestätigt', day: '10.03.2027', startDay: '10.03.2027',
  organisationName: 'Firma & Co', inviterName: 'Petra', expiresAt: '12.03.2027, 10:00',
  // Praxistage applications and digests
  until: '12.03.2027, 10:00', pupil: 'Mia Arndt', className: '8a', schoolName: 'Regelschule', companyName: 'Metallbau', field: 'Metall',
  phase: 1, weekday: 'Mittwoch', message: 'Hallo', note: 'Schuhe', interviewAt: '20.01.2027, 14:00', interviewPlace: 'Werkstatt',
  count: 2, lines: '– Mia Arndt', firstDay: '08.02.2027',
  // an organiser's message to the bookers of an event
  subject: 'Parkplätze am Messetag', text: 'Bitte nutzen Sie den Parkplatz Nord.\n\nDanke!',
};

describe('mail templates', () => {
  const templates = new MailTemplates();

  it.each(MAIL_KINDS.flatMap((kind) => [[kind, 'de'], [kind, 'en']] as const))('%s (%s) has a subject, text and HTML', (kind, locale) => {
    const mail = templates.render(kind, locale, sample);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.subject).not.toContain('\n');
    expect(mail.text.length).toBeGreaterThan(20);
    expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${locale}">`));
  });

  it('escapes in HTML what it keeps as typed in text', () => {
    const mail = templates.render('booking-confirmed', 'de', sample);
    expect(mail.text).toContain('Messe <b>');
    expect(mail.html).toContain('Messe &lt;b&gt;');
    expect(mail.html).toContain('<a href="https://praxisnah.example/x?a&#x3D;1&amp;b&#x3D;2">');
  });

  it('refuses to render with a missing field rather than sending a gap', () => {
    expect(() => templates.render('booking-confirmed', 'de', { name: 'Anna' })).toThrow();
  });
});

describe('retry back-off', () => {
  it('doubles from the base up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelaySeconds(n, 60))).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });
});
