import { Transform } from 'class-transformer';

/** Trims a string and lower-cases it (usernames, emails); other values pass unchanged. */
export const LowerTrimmed = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

/** Trims a string; an empty one becomes null, which clears an optional text field. */
export const EmptyToNull = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const text = value.trim();
    return text === '' ? null : text;
  });
