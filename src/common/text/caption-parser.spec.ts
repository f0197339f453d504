import { MAX_TAG_LENGTH, mentionsIn, searchKey, tagsIn } from './caption-parser';

describe('tagsIn', () => {
  it('finds tags, lower-cased, once each, in order', () => {
    expect(tagsIn('#Paris at night #paris #Nuit_2024!')).toEqual(['paris', 'nuit_2024']);
  });

  it('keeps accents and reads other scripts', () => {
    expect(tagsIn('#Café #東京 #Ελλάδα #ноч')).toEqual(['café', '東京', 'ελλάδα', 'ноч']);
  });

  it('composes a decomposed accent so one tag has one spelling', () => {
    expect(tagsIn('#cafe\u0301')).toEqual(['café']);
  });

  it('stops at punctuation and ignores a # glued to a word or an entity', () => {
    expect(tagsIn('#sun, #sea. a#b &#39; ##double x')).toEqual(['sun', 'sea']);
  });

  it('takes a tag of exactly the longest length and ignores a longer one', () => {
    const longest = 'a'.repeat(MAX_TAG_LENGTH);
    expect(tagsIn(`#${longest} #${longest}b`)).toEqual([longest]);
  });

  it('has none in an empty or missing text', () => {
    expect(tagsIn(null)).toEqual([]);
    expect(tagsIn('# alone')).toEqual([]);
  });
});

describe('mentionsIn', () => {
  it('finds usernames, lower-cased, once each', () => {
    expect(mentionsIn('Thanks @Bob and @ada.l, and @bob again')).toEqual(['bob', 'ada.l']);
  });

  it('drops the dot that ends a sentence', () => {
    expect(mentionsIn('Shot by @zoe_k.')).toEqual(['zoe_k']);
  });

  it('ignores emails and names too short or too long', () => {
    expect(mentionsIn(`mail bob@example.com @ab @${'x'.repeat(31)}`)).toEqual([]);
  });
});

describe('searchKey', () => {
  it('folds case and accents', () => {
    expect(searchKey('Zoë')).toBe('zoe');
    expect(searchKey('ÉLODIE')).toBe('elodie');
    expect(searchKey('Café')).toBe(searchKey('cafe'));
    expect(searchKey('Søren Łukasz Straße')).toBe('soren lukasz strasse');
  });
});
