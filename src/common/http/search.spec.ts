import { likePattern } from './search';

describe('likePattern', () => {
  it('makes % and _ and \\ match themselves', () => {
    expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
