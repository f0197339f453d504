import type { UserSummary } from '../api';

export function displayName(user: UserSummary): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return name || user.username;
}

export function Avatar({ user, size = 32 }: { user: UserSummary; size?: number }) {
  if (user.avatarUrl) {
    return <img className="avatar" src={user.avatarUrl} alt="" width={size} height={size} />;
  }
  return (
    <span
      className="avatar avatar-initial"
      style={{ width: size, height: size, fontSize: size / 2 }}
      aria-hidden="true"
    >
      {user.username.slice(0, 1).toUpperCase()}
    </span>
  );
}
