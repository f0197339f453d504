import { useState } from 'react';
import { api, describeError, type NewReport } from '../api';
import { useSession } from '../session';
import { Dialog, MoreMenu, type MenuAction } from './MoreMenu';
import { ReportDialog } from './ReportDialog';

export type RelationChange = 'blocked' | 'unblocked' | 'muted' | 'unmuted';

const SAID: Record<RelationChange, (name: string) => string> = {
  blocked: (name) => `You blocked ${name}. You will not see each other's posts.`,
  unblocked: (name) => `You unblocked ${name}.`,
  muted: (name) => `You muted ${name}. Their posts stay out of your feeds.`,
  unmuted: (name) => `You unmuted ${name}.`,
};

/**
 * The "…" menu of a post, a comment or a profile, for signed-in people other than its author:
 * Report it, and Block or Mute its author (Unblock, Unmute when `relation` says so: a profile
 * knows; a post or comment one can see is from someone not blocked). Blocking asks first.
 */
export function SubjectMenu({
  subject,
  what,
  person,
  relation,
  label,
  onChange,
}: {
  subject: NewReport['subject'];
  /** "this post", "this comment", "@ada". */
  what: string;
  /** The author (or the profile's owner). */
  person: { id: string; username: string };
  relation?: { blocking: boolean; muting: boolean };
  label: string;
  onChange?(change: RelationChange): void;
}) {
  const { me } = useSession();
  const [reporting, setReporting] = useState(false);
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [said, setSaid] = useState<{ text: string; error?: boolean }>();
  if (!me || me.id === person.id) return null;
  const name = `@${person.username}`;

  async function change(kind: RelationChange) {
    setSaid(undefined);
    try {
      const call = {
        blocked: api.block,
        unblocked: api.unblock,
        muted: api.mute,
        unmuted: api.unmute,
      };
      await call[kind](person.username);
      setSaid({ text: SAID[kind](name) });
      onChange?.(kind);
    } catch (caught) {
      setSaid({ text: describeError(caught), error: true });
    }
  }

  const actions: MenuAction[] = [
    { label: 'Report', onSelect: () => setReporting(true) },
    relation?.blocking
      ? { label: `Unblock ${name}`, onSelect: () => void change('unblocked') }
      : { label: `Block ${name}`, onSelect: () => setConfirmBlock(true), danger: true },
    relation?.muting
      ? { label: `Unmute ${name}`, onSelect: () => void change('unmuted') }
      : { label: `Mute ${name}`, onSelect: () => void change('muted') },
  ];
  return (
    <>
      <MoreMenu label={label} actions={actions} />
      {said && (
        <span role={said.error ? 'alert' : 'status'} className={said.error ? 'error said' : 'said'}>
          {said.text}
        </span>
      )}
      {reporting && (
        <ReportDialog subject={subject} what={what} onClose={() => setReporting(false)} />
      )}
      {confirmBlock && (
        <Dialog title={`Block ${name}?`} onClose={() => setConfirmBlock(false)}>
          <p>
            They will not be able to see your posts, follow you, like, comment on or mention your
            posts, and you will not see theirs. Following stops both ways. They are not told.
          </p>
          <p className="actions">
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmBlock(false);
                void change('blocked');
              }}
            >
              Block
            </button>{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => setConfirmBlock(false)}
              autoFocus
            >
              Cancel
            </button>
          </p>
        </Dialog>
      )}
    </>
  );
}
