import type { Notice } from '../store/composer';

export function NoticeBox({ notice, onDismiss }: { notice: Notice; onDismiss(): void }) {
  return (
    <div className="notice" role="alert">
      <div className="notice__body">
        <strong className="notice__title">{notice.title}</strong>
        <ul className="notice__list">
          {notice.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
