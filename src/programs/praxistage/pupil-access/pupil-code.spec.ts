import { hashPupilCode, newPupilCode } from './pupil-code';

describe('pupil codes', () => {
  it('are twelve unambiguous characters in three groups, different each time', () => {
    const codes = Array.from({ length: 200 }, newPupilCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hash the same however they are typed', () => {
    expect(hashPupilCode('k7qm 2xpa ht9c')).toBe(hashPupilCode('K7QM-2XPA-HT9C'));
    expect(hashPupilCode('K7QM-2XPA-HT9D')).not.toBe(hashPupilCode('K7QM-2XPA-HT9C'));
  });
});
