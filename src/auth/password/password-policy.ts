import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldError } from '../../common/errors/app-error';

/**
 * NIST 800-63B: refuse passwords found in lists of common passwords. The list is zxcvbn-ts's
 * ranked dictionary of ~49,000 common passwords, compared without regard to case.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  (dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()),
);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** Returns what is wrong with a new password, or null. Length is checked by the DTO. */
export function checkNewPassword(
  password: string,
  field: string,
  account: { username: string; email: string },
): FieldError | null {
  const lower = password.toLowerCase();
  if (isCommonPassword(password)) {
    return { field, message: `${field} is too common; choose one that is harder to guess` };
  }
  if (
    lower === account.username ||
    lower === account.email ||
    lower === account.email.split('@')[0]
  ) {
    return { field, message: `${field} must not be your username or email` };
  }
  return null;
}
