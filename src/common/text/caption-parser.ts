/**
 * Hashtags and mentions in captions and comments. Shared: posts present them, discovery
 * indexes them, notifications tell the people mentioned.
 *
 * - A tag is `#` then 1–100 Unicode letters (with their combining marks), digits or `_`; it is
 *   compared without regard to case and stored lower-case (NFC), accents kept. A longer run is
 *   not a tag at all (rather than a truncated one).
 * - A mention is `@` then a username (3–30 of `a-z 0-9 . _`, any case); a trailing dot ends the
 *   sentence, not the name.
 * - Neither counts when glued to a word before it (`a#b`, `bob@example.com`).
 */

export const MAX_TAG_LENGTH = 100;

const TAG = /(?<![\p{L}\p{M}\p{N}_&#@])#([\p{L}\p{M}\p{N}_]+)/gu;
const MENTION = /(?<![\p{L}\p{M}\p{N}_.@#])@([A-Za-z0-9._]+)/gu;
const USERNAME = /^[a-z0-9._]{3,30}$/;

function tagName(raw: string): string | undefined {
  const name = raw.normalize('NFC').toLowerCase();
  return [...name].length <= MAX_TAG_LENGTH ? name : undefined;
}

function mentionName(raw: string): string | undefined {
  const name = raw.replace(/\.+$/, '').toLowerCase();
  return USERNAME.test(name) ? name : undefined;
}

/** The distinct tags of a text, lower-case, in order of first appearance. */
export function tagsIn(text: string | null | undefined): string[] {
  if (!text?.includes('#')) return [];
  const found = new Set<string>();
  for (const raw of captures(TAG, text)) {
    const name = tagName(raw);
    if (name) found.add(name);
  }
  return [...found];
}

/** The distinct usernames mentioned in a text, lower-case, in order of first appearance. */
export function mentionsIn(text: string | null | undefined): string[] {
  if (!text?.includes('@')) return [];
  const found = new Set<string>();
  for (const raw of captures(MENTION, text)) {
    const name = mentionName(raw);
    if (name) found.add(name);
  }
  return [...found];
}

/**
 * The first group of each match of a global pattern, by `exec` on the pattern itself:
 * `matchAll` would compile a copy of it for every call (every post of every page).
 */
function captures(pattern: RegExp, text: string): string[] {
  const found: string[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push(match[1]);
  }
  return found;
}

/** Latin letters that carry their accent in the letter itself, so decomposing keeps them. */
const FOLDED: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * The key search compares: lower-case, compatibility-decomposed, without combining marks
 * ("Zoë" and "ZOE" are both "zoe", "Søren" is "soren").
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (letter) => FOLDED[letter])
    .normalize('NFC');
}
