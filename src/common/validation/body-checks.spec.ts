import { bodyProblems, MAX_NESTING } from './body-checks';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe('what no body may contain', () => {
  it.each(['Bäckerei', 'Zoë 🏳️‍🌈 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', `<script>alert(1)</script>' OR 1=1; --`, ''])('accepts the text %j', (text) => {
    expect(bodyProblems({ name: text })).toEqual([]);
  });

  it.each(['a\u0000b', '\ud800', 'x\udc00', '\udc00\ud800'])('refuses the text %j the database cannot keep, naming the field', (text) => {
    expect(bodyProblems({ company: { names: ['ok', text] } })).toEqual([{ field: 'company.names.1', code: 'wellFormedText', message: 'wellFormedText' }]);
  });

  it('refuses such text in keys too, and leaves numbers and nulls alone', () => {
    expect(bodyProblems({ 'a\u0000': 1, n: 5, x: null })).toEqual([{ field: 'a\u0000', code: 'wellFormedText', message: 'wellFormedText' }]);
  });

  it('accepts nesting up to the limit and refuses deeper, even 100,000 levels, without recursion', () => {
    expect(bodyProblems(nested(MAX_NESTING))).toEqual([]);
    expect(bodyProblems(nested(MAX_NESTING + 1))).toEqual([{ field: Array(MAX_NESTING).fill('a').join('.'), code: 'maxNesting', message: 'maxNesting' }]);
    expect(bodyProblems(nested(100_000))[0].code).toBe('maxNesting');
  });
});
