import { useState } from 'react';
import type { NewReport } from '../api';
import { useSession } from '../session';
import { MoreMenu, type MenuAction } from './MoreMenu';
import { ReportDialog } from './ReportDialog';

/**
 * The "…" menu of a post, a comment or a profile, for signed-in people other than its author:
 * Report (more actions on the person come with blocks and mutes).
 */
export function SubjectMenu({
  subject,
  what,
  authorId,
  label,
}: {
  subject: NewReport['subject'];
  /** "this post", "this comment", "@ada". */
  what: string;
  authorId: string;
  label: string;
}) {
  const { me } = useSession();
  const [reporting, setReporting] = useState(false);
  if (!me || me.id === authorId) return null;
  const actions: MenuAction[] = [{ label: 'Report', onSelect: () => setReporting(true) }];
  return (
    <>
      <MoreMenu label={label} actions={actions} />
      {reporting && (
        <ReportDialog subject={subject} what={what} onClose={() => setReporting(false)} />
      )}
    </>
  );
}
