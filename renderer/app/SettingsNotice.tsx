// Said once: the settings file could not be used at start and was moved aside (main says where).
import { useSettings } from '../store/settings';

export function SettingsNotice() {
  const notice = useSettings((s) => s.state?.notice);
  if (!notice) return null;
  return (
    <div className="notice app-notice" role="alert">
      <div className="notice__body">
        <strong className="notice__title">Settings were reset</strong>
        <p className="app-notice__text">{notice}</p>
      </div>
      <button type="button" className="button button--small" onClick={() => void useSettings.getState().dismissNotice()}>
        Dismiss
      </button>
    </div>
  );
}
