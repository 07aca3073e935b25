import { useTranslation } from 'react-i18next';
import { findSession } from '../../content/library';
import type { ContentLibrary } from '../../content/validate';
import { PointList } from '../common/PointList';

/** The security-plan session's own advice, where it helps: read from the content, in its language. */
export function PlanAdvice({ library, noteId }: { library: ContentLibrary; noteId: string }) {
  const { i18n } = useTranslation();
  const session = findSession(library, 'security-plan', i18n.language);
  const note = session?.data.notes.find((n) => n.id === noteId);
  if (!session || !note) return null;
  return (
    <aside className="plan-advice" lang={session.lang} aria-label={note.heading}>
      <details>
        <summary>{note.heading}</summary>
        <PointList points={note.points} />
      </details>
    </aside>
  );
}
