import { useProvider } from '../store/provider';

export function TopBar() {
  const status = useProvider((s) => s.status);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true" />
        <span className="brand__name">Kling Studio</span>
      </div>
      {status && (
        <div className={`provider ${status.simulated ? 'provider--sandbox' : ''}`} role="status" aria-label="Provider">
          <span className="provider__dot" aria-hidden="true" />
          <span className="provider__label">{status.simulated ? 'Sandbox' : status.label}</span>
          <span className="provider__hint">{status.hint}</span>
        </div>
      )}
    </header>
  );
}
