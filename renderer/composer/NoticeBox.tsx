import { useState } from 'react';
import type { Notice } from '../store/composer';

/**
 * A message in the composer: a refusal (alert), possibly with a fix to click; a proposal (status); or what a fix
 * changed (status). The frames keep one at a time, so the newest always explains the slots.
 */
export function NoticeBox({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  const [busy, setBusy] = useState<string>();
  const tone = notice.tone ?? 'error';
  return (
    <div className={`notice frame-notice frame-notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice__body">
        <strong className="notice__title">{notice.title}</strong>
        <ul className="notice__list">
          {notice.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        {notice.actions && notice.actions.length > 0 && (
          <div className="frame-notice__actions">
            {notice.actions.map((action) => (
              <button
                key={action.label}
                type="button"
                className="button button--small button--primary"
                disabled={busy !== undefined}
                aria-busy={busy === action.label}
                onClick={async () => {
                  setBusy(action.label);
                  try {
                    await action.run();
                  } finally {
                    setBusy(undefined);
                  }
                }}
              >
                {busy === action.label ? 'Working…' : action.label}
              </button>
            ))}
          </div>
        )}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
