import { useState, type FormEvent } from 'react';
import { api, describeError, type NewReport, type ReportReason } from '../api';
import { Dialog } from './MoreMenu';

const REASONS: Array<[ReportReason, string]> = [
  ['spam', 'Spam'],
  ['nudity', 'Nudity or sexual content'],
  ['harassment', 'Harassment or bullying'],
  ['violence', 'Violence'],
  ['hate', 'Hate speech'],
  ['copyright', 'Copyright'],
  ['other', 'Something else'],
];

/** Reporting a post, a comment or a person to the moderators (`POST /api/reports`). */
export function ReportDialog({
  subject,
  what,
  onClose,
}: {
  subject: NewReport['subject'];
  /** What is reported, in words ("this post"). */
  what: string;
  onClose(): void;
}) {
  const [reason, setReason] = useState<ReportReason>();
  const [details, setDetails] = useState('');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!reason) return setError('Choose a reason.');
    setBusy(true);
    setError(undefined);
    try {
      await api.report({ subject, reason, details: details.trim() || null });
      setSent(true);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Report ${what}`} onClose={onClose}>
      {sent ? (
        <>
          <p role="status">Thank you. A moderator will look at it.</p>
          <button type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </>
      ) : (
        <form onSubmit={(event) => void send(event)} noValidate>
          <fieldset>
            <legend>Why are you reporting {what}?</legend>
            {REASONS.map(([value, label]) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="reason"
                  value={value}
                  checked={reason === value}
                  onChange={() => {
                    setReason(value);
                    setError(undefined);
                  }}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="report-details">Details for the moderators (optional)</label>
            <textarea
              id="report-details"
              value={details}
              maxLength={1000}
              rows={3}
              onChange={(event) => setDetails(event.target.value)}
            />
          </div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <p className="actions">
            <button type="submit" disabled={busy}>
              Send report
            </button>{' '}
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
          </p>
        </form>
      )}
    </Dialog>
  );
}
