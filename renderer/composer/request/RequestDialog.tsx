// "Show request": the exact JSON body Generate would send now, where it goes and how it is signed. Built in main by
// the engine's own builder (composer.previewRequest); the credential itself is never here, only its kind.
import { useEffect, useId, useRef } from 'react';
import type { AuthKind, RequestPreview } from '../../../shared/ipc/contract';
import { CopyAsCurl } from './CopyAsCurl';
import { JsonBody } from './JsonBody';
import { useRequestView } from './request-view';
import './request.css';

const AUTH_WORDS: Record<AuthKind, string> = {
  'api-key': 'API key, sent as Authorization: Bearer <key>',
  'access-key': 'Access key + secret key: a JWT (HS256, 30 minutes) is signed for each request and sent as Authorization: Bearer <jwt>',
  token: 'Gateway token, sent as Authorization: Bearer <token>',
};

function authWords(preview: RequestPreview): string {
  return preview.profile.kind === 'sandbox' ? `The Sandbox's own key (offline, free); ${AUTH_WORDS['api-key']}` : AUTH_WORDS[preview.auth];
}

export function RequestDialog() {
  const { open, loading, preview, error, expand, close } = useRequestView();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const errors = preview?.problems.filter((p) => p.severity === 'error') ?? [];
  const folded = preview?.images.filter((i) => !i.full) ?? [];
  return (
    <dialog ref={dialog} className="request-dialog" aria-labelledby={titleId} onClose={close}>
      <header className="request-dialog__head">
        <h2 id={titleId} className="request-dialog__title">
          Request
        </h2>
        <button type="button" className="icon-button" aria-label="Close request" onClick={close}>
          ×
        </button>
      </header>
      {error && (
        <p className="request-dialog__error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <>
          <dl className="request-dialog__facts">
            <dt>Endpoint</dt>
            <dd>
              <code aria-label="Endpoint">
                {preview.method} {preview.endpoint}
              </code>
            </dd>
            <dt>Profile</dt>
            <dd>{preview.profile.label}</dd>
            <dt>Credential</dt>
            <dd aria-label="Credential">{authWords(preview)}</dd>
          </dl>
          {errors.length > 0 && (
            <div className="request-dialog__problems" role="note" aria-label="Problems">
              <strong>Generate would refuse this as it is:</strong>
              <ul>
                {errors.map((p) => (
                  <li key={`${p.field}:${p.rule}`}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="request-dialog__note">
            Images are raw base64, folded to their first characters here. external_task_id is this app&apos;s own id: each task sent gets a new one.
          </p>
          <div className="request-dialog__tools">
            <button
              type="button"
              className="button button--small"
              disabled={folded.length === 0 || loading}
              onClick={() => void expand(folded.map((i) => i.path))}
            >
              Show all images in full
            </button>
            <CopyAsCurl />
          </div>
          {preview.body ? (
            <JsonBody body={preview.body} images={preview.images} onExpand={(path) => void expand([path])} />
          ) : (
            <p className="request-dialog__error">The body cannot be built until the problems above are fixed.</p>
          )}
        </>
      )}
      {loading && !preview && <p className="hint">Building the request…</p>}
    </dialog>
  );
}
