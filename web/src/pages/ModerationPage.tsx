import { useCallback, useId, useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { api, describeError, type ModerationReport, type Resolution } from '../api';
import { Avatar, displayName } from '../components/Avatar';
import { PagedList } from '../components/InfiniteFeed';
import { loginPath, useSession } from '../session';
import { useTitle } from '../title';

type Status = 'open' | 'resolved';

const REASONS: Record<ModerationReport['reason'], string> = {
  spam: 'Spam',
  nudity: 'Nudity or sexual content',
  harassment: 'Harassment or bullying',
  violence: 'Violence',
  hate: 'Hate speech',
  copyright: 'Copyright',
  other: 'Something else',
};

const DONE: Record<Resolution['action'], string> = {
  dismiss: 'Dismissed',
  remove: 'Removed',
  suspend: 'Author suspended',
};

function subjectLink(report: ModerationReport): string | undefined {
  const { subject } = report;
  if (!subject.preview) return undefined;
  if (subject.type === 'post') return `/p/${subject.id}`;
  return `/u/${subject.preview.user.username}`;
}

/** The reported post, comment or person as the moderator needs to judge it. */
function SubjectPreview({ report }: { report: ModerationReport }) {
  const { subject } = report;
  const preview = subject.preview;
  if (!preview) return <p className="muted">The {subject.type} is gone (removed or deleted).</p>;
  const link = subjectLink(report);
  return (
    <div className="report-subject">
      {preview.imageUrl && (
        <img className="subject-photo" src={preview.imageUrl} alt="" width={96} height={96} />
      )}
      <div>
        <p className="author">
          <Avatar user={preview.user} size={24} />
          <span>
            {displayName(preview.user)} (@{preview.user.username})
          </span>
        </p>
        {preview.text && <p className="caption">{preview.text}</p>}
        {link && (
          <Link to={link}>Open the {subject.type === 'user' ? 'profile' : subject.type}</Link>
        )}
      </div>
    </div>
  );
}

/**
 * Reports this moderator resolved in this tab: Back shows the queue as it was loaded, and each
 * card then shows what was done instead of offering the actions again.
 */
const resolvedInThisTab = new Map<string, ModerationReport>();

function ReportCard({ report }: { report: ModerationReport }) {
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [resolved, setResolved] = useState(() => resolvedInThisTab.get(report.id));
  const shown = resolved ?? report;

  async function resolve(action: Resolution['action']) {
    setBusy(true);
    setError(undefined);
    try {
      const done = await api.resolveReport(report.id, { action, note: note.trim() || null });
      resolvedInThisTab.set(report.id, done);
      setResolved(done);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  const kind = report.subject.type === 'user' ? 'person' : report.subject.type;
  return (
    <article className="report" aria-labelledby={`${noteId}-title`}>
      <h2 id={`${noteId}-title`}>
        {REASONS[report.reason]}: a {kind}
        {report.reportCount > 1 && ` (${report.reportCount} reports)`}
      </h2>
      <p className="muted">
        Reported{' '}
        <time dateTime={report.createdAt}>{new Date(report.createdAt).toLocaleString()}</time>
      </p>
      {report.details && <p>“{report.details}”</p>}
      <SubjectPreview report={report} />
      {shown.status === 'resolved' ? (
        <p role="status" className="ok">
          {DONE[shown.action]}
          {shown.note && <> — {shown.note}</>}
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={noteId}>Note for the audit log (optional)</label>
            <textarea
              id={noteId}
              value={note}
              maxLength={1000}
              rows={2}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <p className="report-actions">
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void resolve('dismiss')}
            >
              Dismiss
            </button>
            {report.subject.type !== 'user' && report.subject.preview && (
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => void resolve('remove')}
              >
                Remove {report.subject.type}
              </button>
            )}
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => void resolve('suspend')}
            >
              Suspend {report.subject.type === 'user' ? 'account' : 'author'}
            </button>
          </p>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  );
}

/** `/moderation`: the report queue (oldest open first) and what was resolved, for moderators. */
export function ModerationPage() {
  const { me } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const status: Status = params.get('status') === 'resolved' ? 'resolved' : 'open';
  const load = useCallback(
    (cursor: string | null) => api.moderationQueue(status, cursor),
    [status],
  );
  useTitle('Moderation');
  if (me === undefined) return <p className="muted">Loading…</p>;
  if (me === null) return <Navigate to={loginPath(location)} replace />;
  if (me.role === 'user') {
    return (
      <main className="narrow">
        <h1>Moderation</h1>
        <p>This page is for moderators.</p>
      </main>
    );
  }
  return (
    <main className="column">
      <h1>Moderation</h1>
      <nav aria-label="Reports" className="segmented">
        <Link to="/moderation" aria-current={status === 'open' ? 'page' : undefined}>
          Open
        </Link>
        <Link
          to="/moderation?status=resolved"
          aria-current={status === 'resolved' ? 'page' : undefined}
        >
          Resolved
        </Link>
      </nav>
      <PagedList
        key={status}
        cacheKey={`moderation ${status}`}
        load={load}
        empty={<p>{status === 'open' ? 'No open reports. All clear.' : 'Nothing resolved yet.'}</p>}
        className="reports"
        render={(report) => <ReportCard key={report.id} report={report} />}
      />
    </main>
  );
}
