import { localizeValidationMessage } from './validation-messages';

describe('localizeValidationMessage', () => {
  it.each([
    ['must be longer than or equal to 10 characters', 'muss mindestens 10 Zeichen lang sein', 'must be at least 10 characters long'],
    ['must not be greater than 13', 'darf nicht größer als 13 sein', 'must not be greater than 13'],
    ['property foo should not exist', 'ist kein bekanntes Feld', 'is not a known field'],
    ['should not be null or undefined', 'fehlt', 'is required'],
    ['postalCode', 'muss aus genau 5 Ziffern bestehen', 'must consist of exactly 5 digits'],
  ])('%s', (english, de, en) => {
    expect(localizeValidationMessage(english, 'de')).toBe(de);
    expect(localizeValidationMessage(english, 'en')).toBe(en);
  });

  it('keeps a message it does not know rather than inventing one', () => {
    expect(localizeValidationMessage('something new', 'de')).toBe('something new');
  });
});
