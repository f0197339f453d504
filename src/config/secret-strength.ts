/** Shannon entropy of the secret's own character distribution, in bits for the whole string. */
function estimatedBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const char of secret) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...secret].length;
  let perChar = 0;
  for (const count of counts.values()) perChar -= (count / length) * Math.log2(count / length);
  return perChar * length;
}

/** True when the secret is a shorter run repeated ("abcabcabc…"). */
function repeats(secret: string): boolean {
  for (let period = 1; period <= secret.length / 2; period++) {
    if (secret.slice(period) === secret.slice(0, -period)) return true;
  }
  return false;
}

const KNOWN_DEFAULTS = new Set([
  'secret',
  'changeme',
  'change-me',
  'keyboard cat',
  'freeb',
  'please-change-me',
]);

/**
 * Why a production secret is too weak, or undefined when it will do: 32 characters or more,
 * not a run repeated, at least 8 distinct characters and 80 bits by their distribution (32
 * random hex digits carry 90 to 125, `openssl rand -base64 48` ~350; 40 × "a" none).
 */
export function secretWeakness(secret: string): string | undefined {
  if (secret.length < 32 || KNOWN_DEFAULTS.has(secret.toLowerCase())) {
    return 'must be 32 or more random characters, not a default value';
  }
  if (repeats(secret) || new Set(secret).size < 8 || estimatedBits(secret) < 80) {
    return 'is too predictable (repeated or few distinct characters); make one with `openssl rand -base64 48`';
  }
  return undefined;
}
