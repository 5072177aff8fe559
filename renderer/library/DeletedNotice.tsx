// The notice after a deletion: how many went, why any stayed, and Undo while it can still be undone.
import { deleteCount } from './deleted-words';
import { undoDelete, useDeletion } from './deletion';

export function DeletedNotice() {
  const notice = useDeletion((s) => s.notice);
  const error = useDeletion((s) => s.error);
  const dismiss = useDeletion((s) => s.dismiss);
  if (!notice && !error) return null;
  return (
    <div className="deleted-notice" role="status" aria-label="Deleted">
      <p className="deleted-notice__text">
        {error ?? deleteCount(notice?.count ?? 0)}
        {notice && notice.refused.length > 0 && ` ${notice.refused.length} kept: ${[...new Set(notice.refused)].join(' ')}`}
      </p>
      {notice && notice.count > 0 && (
        <button type="button" className="button button--small" onClick={() => void undoDelete()}>
          Undo
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
