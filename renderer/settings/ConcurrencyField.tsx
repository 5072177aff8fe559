// A profile's cap on tasks in flight. Kling counts an account's tasks from submitted until they end, shared by all its
// keys (shared/kling-api.md, "Concurrency"): a cap at the account's limit keeps 1303 answers away. Saved on change;
// generations waiting for a slot may go at once when it rises. Keyed by the saved value where used, so a change made
// elsewhere (another window) shows.
import { useState } from 'react';
import type { ProfileView } from '../../shared/settings/profiles';
import { studio } from '../api';
import { useProfiles } from '../store/profiles';

export function ConcurrencyField({ profile }: { profile: ProfileView }) {
  const [value, setValue] = useState(String(profile.concurrency));
  const [error, setError] = useState<string>();

  const save = async (text: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 50) {
      setError('A whole number from 1 to 50');
      return;
    }
    if (n === profile.concurrency) return setError(undefined);
    const r = await studio.settings.setConcurrency({ id: profile.id, concurrency: n });
    if (r.ok) {
      setError(undefined);
      useProfiles.getState().set(r.value);
    } else setError(r.error.message);
  };

  const id = `concurrency-${profile.id}`;
  return (
    <div className="concurrency">
      <label htmlFor={id} className="concurrency__label">
        Tasks at once
      </label>
      <input
        id={id}
        className="input concurrency__input"
        type="number"
        min={1}
        max={50}
        step={1}
        value={value}
        aria-label={`Tasks at once for ${profile.label}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setValue(e.target.value)}
        onBlur={(e) => void save(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save(e.currentTarget.value);
        }}
      />
      {error && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
