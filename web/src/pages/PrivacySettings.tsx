import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { api, describeError, type Me, type Page, type UserSummary } from '../api';
import { PagedList } from '../components/InfiniteFeed';
import { PersonLink } from '../components/Person';
import { useSession } from '../session';

/** A person in a list with one action that can be undone in place (Unblock, Unmute, Accept…). */
export function PersonWithActions({
  user,
  actions,
}: {
  user: UserSummary;
  actions: Array<{
    label: string;
    done: string;
    run(username: string): Promise<void>;
    className?: string;
  }>;
}) {
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function act(action: (typeof actions)[number]) {
    setBusy(true);
    setError(undefined);
    try {
      await action.run(user.username);
      setDone(action.done);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="person-row">
      <PersonLink user={user} className="person-link" />
      <span className="person-actions">
        {done ? (
          <span role="status">{done}</span>
        ) : (
          actions.map((action) => (
            <button
              key={action.label}
              type="button"
              className={action.className}
              disabled={busy}
              aria-label={`${action.label} ${user.username}`}
              onClick={() => void act(action)}
            >
              {action.label}
            </button>
          ))
        )}
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </span>
    </div>
  );
}

function RelationList({
  title,
  cacheKey,
  load,
  empty,
  action,
}: {
  title: string;
  cacheKey: string;
  load: (cursor: string | null) => Promise<Page<UserSummary>>;
  empty: string;
  action: { label: string; done: string; run(username: string): Promise<void> };
}) {
  const id = cacheKey.replace(/\s/g, '-');
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <PagedList
        cacheKey={cacheKey}
        load={load}
        empty={<p className="muted">{empty}</p>}
        className="people"
        render={(user) => <PersonWithActions key={user.id} user={user} actions={[action]} />}
      />
    </section>
  );
}

/**
 * Settings' privacy part: the private-account switch (turning it off accepts every pending
 * request, as the API does), the follow requests, and who is blocked or muted.
 */
export function PrivacySettings({ me }: { me: Me }) {
  const { setMe } = useSession();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Shown switched at once; back if the API refuses.
  const [isPrivate, setIsPrivate] = useState(me.private);
  const blocked = useCallback((cursor: string | null) => api.blocked(cursor), []);
  const muted = useCallback((cursor: string | null) => api.muted(cursor), []);

  async function setPrivate(value: boolean) {
    setIsPrivate(value);
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      setMe(await api.updateProfile({ private: value }));
      setSaved(
        value
          ? 'Your account is private: new followers need your approval.'
          : 'Your account is public. Pending follow requests were accepted.',
      );
    } catch (caught) {
      setIsPrivate(!value);
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={isPrivate}
          disabled={busy}
          aria-describedby="private-hint"
          onChange={(event) => void setPrivate(event.target.checked)}
        />{' '}
        Private account
      </label>
      <p id="private-hint" className="muted">
        Only people you approve see your photos and your followers. Your name, avatar and bio stay
        visible.
      </p>
      {saved && (
        <p role="status" className="ok">
          {saved}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p>
        <Link to="/follow-requests">Follow requests</Link>
      </p>
      <RelationList
        title="Blocked accounts"
        cacheKey={`blocked ${me.id}`}
        load={blocked}
        empty="You have not blocked anyone."
        action={{ label: 'Unblock', done: 'Unblocked', run: api.unblock }}
      />
      <RelationList
        title="Muted accounts"
        cacheKey={`muted ${me.id}`}
        load={muted}
        empty="You have not muted anyone."
        action={{ label: 'Unmute', done: 'Unmuted', run: api.unmute }}
      />
    </section>
  );
}
