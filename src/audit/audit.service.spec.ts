import { diff } from './audit.service';

describe('audit diff', () => {
  it('keeps only fields that really changed, with from and to', () => {
    expect(diff({ town: 'Nordhausen', phone: '1', createdAt: new Date('2026-01-01') }, { town: 'Sondershausen', phone: '1', website: undefined })).toEqual({
      town: { from: 'Nordhausen', to: 'Sondershausen' },
    });
  });

  it('compares dates and lists by value', () => {
    expect(diff({ at: new Date('2027-01-01T00:00:00Z'), list: ['a'] }, { at: new Date('2027-01-01T00:00:00Z'), list: ['a'] })).toEqual({});
  });
});
