// Linux without a keyring (GNOME Keyring, KWallet): a stored key would only be obfuscated, with a key any program can
// know. The person is told, and chooses: keep it in memory for this session, or store it knowing that.
import type { KeyKeeping, KeyProtection } from '../../shared/settings/profiles';

export function KeyKeepingChoice({ protection, value, onChange }: { protection: KeyProtection; value: KeyKeeping; onChange(next: KeyKeeping): void }) {
  const canStore = protection === 'obfuscated';
  return (
    <fieldset className="field key-keeping">
      <legend className="field__label">Keep the key</legend>
      <p className="key-keeping__why" id="key-keeping-why">
        {canStore
          ? 'No system keyring (GNOME Keyring, KWallet) was found on this computer, so a stored key would only be obfuscated: anyone who can read your files could recover it.'
          : 'This computer offers no way to encrypt a stored key, so it can only be kept while Kling Studio runs.'}
      </p>
      <label className="key-keeping__option">
        <input type="radio" name="keep" checked={value === 'session'} onChange={() => onChange('session')} aria-describedby="key-keeping-why" />
        <span>
          For this session only <span className="key-keeping__note">— forgotten when Kling Studio quits</span>
        </span>
      </label>
      <label className="key-keeping__option">
        <input type="radio" name="keep" checked={value === 'stored'} disabled={!canStore} onChange={() => onChange('stored')} aria-describedby="key-keeping-why" />
        <span>
          Store it on this computer, only obfuscated
        </span>
      </label>
    </fieldset>
  );
}
