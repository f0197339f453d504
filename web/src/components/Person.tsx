import { Link } from 'react-router';
import type { UserSummary } from '../api';
import { Avatar, displayName } from './Avatar';

/** Avatar, username and name of a person, linking to the profile (lists, suggestions). */
export function PersonLink({
  user,
  className = 'person',
}: {
  user: UserSummary;
  className?: string;
}) {
  return (
    <Link to={`/u/${user.username}`} className={className}>
      <Avatar user={user} size={44} />
      <span>
        <strong>{user.username}</strong>
        <br />
        <span className="muted">{displayName(user)}</span>
      </span>
    </Link>
  );
}
