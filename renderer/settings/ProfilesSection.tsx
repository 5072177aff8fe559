// Settings ▸ Profiles: the ways generations reach Kling. Secrets stay in main; this lists what is configured, tests a
// connection, imports tasks from an account, sets each profile's cap on tasks in flight, and picks where new
// generations go.
import { useEffect, useState } from 'react';
import type { ProfileView } from '../../shared/settings/profiles';
import { studio } from '../api';
import { useProfiles } from '../store/profiles';
import { CredentialSummary } from './CredentialSummary';
import { ConcurrencyField } from './ConcurrencyField';
import { ProfileForm } from './ProfileForm';
import './settings.css';

type Feedback = { tone: 'ok' | 'bad' | 'busy'; text: string };

function describe(p: ProfileView): string {
  if (p.kind === 'sandbox') return 'Built in · offline · free · returns a sample clip';
  if (p.kind === 'gateway') return `Gateway · ${p.baseUrlResolved}${p.pathPrefix}`;
  return `Kling · ${p.baseUrlResolved} · ${p.auth === 'api-key' ? 'API key' : 'access key + secret key'}`;
}

function ProfileRow({ p, current }: { p: ProfileView; current: boolean }) {
  const [feedback, setFeedback] = useState<Feedback>();
  const [editing, setEditing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const set = useProfiles((s) => s.set);

  if (editing) return <ProfileForm profile={p} onDone={() => setEditing(false)} />;

  const run = async (busy: string, action: () => Promise<Feedback>) => {
    setFeedback({ tone: 'busy', text: busy });
    setFeedback(await action());
  };

  return (
    <li className={`profile ${current ? 'profile--current' : ''}`} aria-label={`Profile ${p.label}`}>
      <div className="profile__head">
        <span className="profile__name">{p.label}</span>
        {current && <span className="chip chip--succeed">Used for new generations</span>}
        {!p.hasCredential && <span className="chip chip--queued">No credential</span>}
      </div>
      <p className="profile__meta">
        {describe(p)} <CredentialSummary profile={p} />
      </p>
      <ConcurrencyField key={p.concurrency} profile={p} />
      <div className="profile__actions">
        {!current && p.hasCredential && (
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void studio.profiles.select({ id: p.id }).then((r) => (r.ok ? set(r.value) : setFeedback({ tone: 'bad', text: r.error.message })))
            }
          >
            Use for new generations
          </button>
        )}
        {p.hasCredential && (
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void run('Testing…', async () => {
                const r = await studio.profiles.testConnection({ id: p.id });
                if (!r.ok) return { tone: 'bad', text: r.error.message };
                return { tone: r.value.ok ? 'ok' : 'bad', text: `${r.value.message} (${r.value.latencyMs} ms)` };
              })
            }
          >
            Test connection
          </button>
        )}
        {p.hasCredential && (
          <button
            type="button"
            className="button button--small"
            title="Bring tasks made elsewhere (Kling's web page, other machines) into the library, and download their clips"
            onClick={() =>
              void run('Importing…', async () => {
                const r = await studio.profiles.importTasks({ id: p.id });
                if (!r.ok) return { tone: 'bad', text: r.error.message };
                const { imported, alreadyInLibrary } = r.value;
                return { tone: 'ok', text: `Imported ${imported} ${imported === 1 ? 'task' : 'tasks'}; ${alreadyInLibrary} already in the library.` };
              })
            }
          >
            Import tasks
          </button>
        )}
        {p.kind !== 'sandbox' && (
          <>
            <button type="button" className="button button--small" onClick={() => setEditing(true)} aria-label={`Edit ${p.label}`}>
              Edit
            </button>
            {confirmRemove ? (
              <span className="confirm">
                Remove {p.label} and its stored credential?
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => void studio.profiles.remove({ id: p.id }).then((r) => (r.ok ? set(r.value) : setFeedback({ tone: 'bad', text: r.error.message })))}
                >
                  Remove
                </button>
                <button type="button" className="button button--small button--ghost" onClick={() => setConfirmRemove(false)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" className="button button--small button--ghost" onClick={() => setConfirmRemove(true)} aria-label={`Remove ${p.label}`}>
                Remove…
              </button>
            )}
          </>
        )}
      </div>
      {feedback && (
        <p className={`profile__feedback profile__feedback--${feedback.tone}`} role="status">
          {feedback.text}
        </p>
      )}
    </li>
  );
}

export function ProfilesSection() {
  const state = useProfiles((s) => s.state);
  const [adding, setAdding] = useState(false);
  useEffect(() => void useProfiles.getState().load().catch(() => undefined), []);

  return (
    <section className="settings-section" aria-labelledby="settings-profiles">
      <h2 id="settings-profiles" className="settings-section__title">
        Profiles
      </h2>
      <p className="settings__intro">
        A profile is a way to reach Kling: your official account (API key, or access key + secret key), or a gateway that
        relays the same API. Keys stay in the app's main process, encrypted by your system
        {state && !state.secureStorage ? ' — on this computer no keyring was found, so each key is kept for the session only, or stored only obfuscated, as you choose' : ''}.
      </p>
      <ul className="profiles" aria-label="Profiles">
        {state?.profiles.map((p) => <ProfileRow key={p.id} p={p} current={p.id === state.currentId} />)}
      </ul>
      {adding ? (
        <ProfileForm onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add profile…
        </button>
      )}
    </section>
  );
}
