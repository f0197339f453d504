import { useCallback } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { api } from '../api';
import { PagedList } from '../components/InfiniteFeed';
import { loginPath, useSession } from '../session';
import { useTitle } from '../title';
import { PersonWithActions } from './PrivacySettings';

/** `/follow-requests`: people asking to follow a private account, to Accept or Decline. */
export function FollowRequestsPage() {
  const { me } = useSession();
  const location = useLocation();
  const load = useCallback((cursor: string | null) => api.followRequests(cursor), []);
  useTitle('Follow requests');
  if (me === undefined) return <p className="muted">Loading…</p>;
  if (me === null) return <Navigate to={loginPath(location)} replace />;
  return (
    <main className="column">
      <p>
        <Link to="/settings">← Settings</Link>
      </p>
      <h1>Follow requests</h1>
      {!me.private && (
        <p className="muted">Your account is public: anyone can follow you without asking.</p>
      )}
      <PagedList
        cacheKey={`follow-requests ${me.id}`}
        load={load}
        empty={<p>No one is waiting.</p>}
        className="people"
        render={(user) => (
          <PersonWithActions
            key={user.id}
            user={user}
            actions={[
              { label: 'Accept', done: 'Accepted', run: api.acceptRequest },
              {
                label: 'Decline',
                done: 'Declined',
                run: api.declineRequest,
                className: 'secondary',
              },
            ]}
          />
        )}
      />
    </main>
  );
}
