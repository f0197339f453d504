/** Who may moderate: roles in increasing power. The first account and ADMIN_USERNAMES are admins. */
export const ROLES = ['user', 'moderator', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** True when `role` is `least` or above it. */
export function hasRole(role: Role | undefined, least: Role): boolean {
  return ROLES.indexOf(role ?? 'user') >= ROLES.indexOf(least);
}
