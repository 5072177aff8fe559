// Settings ▸ the person's preferences: what a New document starts with, how generations are followed, notifications
// and the theme. Each control saves on change through main (the settings service), which answers with the new state.
import type { ReactNode } from 'react';
import { KNOWN_MODELS } from '../../shared/kling/models';
import { LIMITS } from '../../shared/kling/limits';
import { POLLING, THEMES, type Preferences, type PreferencesPatch } from '../../shared/settings/preferences';
import { useSettings } from '../store/settings';

const POLLING_LABELS: Record<(typeof POLLING)[number], string> = {
  often: 'Often (every few seconds)',
  normal: 'Normal',
  relaxed: 'Relaxed (fewer requests)',
};
const THEME_LABELS: Record<(typeof THEMES)[number], string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h2 id={id} className="settings-section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Check({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange(on: boolean): void }) {
  return (
    <label className="settings-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <span className="settings-check__label">{label}</span>
        {hint && <span className="settings-check__hint">{hint}</span>}
      </span>
    </label>
  );
}

export function PreferencesSections({ preferences }: { preferences: Preferences }) {
  const update = (patch: PreferencesPatch) => void useSettings.getState().update(patch);
  const doc = preferences.newDocument;
  // A model a gateway named (not in the table) stays choosable as it is.
  const models = KNOWN_MODELS.includes(doc.model as (typeof KNOWN_MODELS)[number]) ? KNOWN_MODELS : [doc.model, ...KNOWN_MODELS];
  return (
    <>
      <Section id="settings-new-document" title="New documents">
        <p className="settings__intro">What a new document starts with. The document open now keeps its own choices.</p>
        <div className="field-row">
          <label className="field field--grow">
            <span className="field__label">Model</span>
            <select className="input" value={doc.model} onChange={(e) => update({ newDocument: { model: e.target.value } })}>
              {models.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Mode</span>
            <select className="input" value={doc.mode} onChange={(e) => update({ newDocument: { mode: e.target.value as Preferences['newDocument']['mode'] } })}>
              {LIMITS.modes.map((m) => (
                <option key={m} value={m}>
                  {m === 'std' ? 'Standard' : 'Professional'}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Duration</span>
            <select
              className="input"
              value={doc.duration}
              onChange={(e) => update({ newDocument: { duration: e.target.value as Preferences['newDocument']['duration'] } })}
            >
              {LIMITS.durations.map((d) => (
                <option key={d} value={d}>
                  {d} seconds
                </option>
              ))}
            </select>
          </label>
        </div>
      </Section>

      <Section id="settings-generations" title="Generations">
        <label className="field field--narrow-select">
          <span className="field__label">Check on running generations</span>
          <select className="input" value={preferences.polling} onChange={(e) => update({ polling: e.target.value as Preferences['polling'] })}>
            {POLLING.map((p) => (
              <option key={p} value={p}>
                {POLLING_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <Check
          label="Download finished clips automatically"
          hint="Off: a clip stays on Kling (for 30 days) until you download it, e.g. on a metered connection."
          checked={preferences.autoDownload}
          onChange={(autoDownload) => update({ autoDownload })}
        />
      </Section>

      <Section id="settings-notifications" title="Notifications">
        <Check
          label="Notify me when a generation finishes or fails"
          hint="Only while Kling Studio is in the background; click the notification to open the generation."
          checked={preferences.notifications.finished}
          onChange={(finished) => update({ notifications: { finished } })}
        />
        <Check
          label="Show the number of generations in progress on the app icon"
          checked={preferences.notifications.badge}
          onChange={(badge) => update({ notifications: { badge } })}
        />
        <Check
          label="Show download progress on the app icon"
          checked={preferences.notifications.progress}
          onChange={(progress) => update({ notifications: { progress } })}
        />
      </Section>

      <Section id="settings-appearance" title="Appearance">
        <fieldset className="field segmented">
          <legend className="field__label">Theme</legend>
          {THEMES.map((t) => (
            <label key={t} className={`segmented__item ${preferences.theme === t ? 'is-on' : ''}`}>
              <input type="radio" name="theme" value={t} checked={preferences.theme === t} onChange={() => update({ theme: t })} />
              {THEME_LABELS[t]}
            </label>
          ))}
        </fieldset>
      </Section>
    </>
  );
}
