// Add or edit a way to reach Kling. Secrets are typed here, sent to main once, and never shown again: an edit
// leaves the secret fields empty, and empty means "keep the stored one".
import { useState } from 'react';
import type { KeyKeeping, ProfileView } from '../../shared/settings/profiles';
import type { BridgeError } from '../../shared/ipc/result';
import { KLING_LINKS } from '../../shared/security/external-links';
import { studio } from '../api';
import { ExternalLink } from '../app/ExternalLink';
import { describeStoredKey } from './CredentialSummary';
import { KeyKeepingChoice } from './KeyKeepingChoice';
import './credential.css';
import { useProfiles } from '../store/profiles';

type Kind = 'official' | 'gateway';
type Auth = 'api-key' | 'access-key';

interface Draft {
  kind: Kind;
  label: string;
  region: 'singapore' | 'beijing' | 'custom';
  baseUrl: string;
  auth: Auth;
  pathPrefix: string;
  modelField: 'model_name' | 'model' | 'both';
  sendAspectRatio: boolean;
  concurrency: number;
  apiKey: string;
  accessKey: string;
  secretKey: string;
  token: string;
}

function draftFrom(p?: ProfileView): Draft {
  const base: Draft = {
    kind: 'official',
    label: '',
    region: 'singapore',
    baseUrl: '',
    auth: 'api-key',
    pathPrefix: '/kling',
    modelField: 'model_name',
    sendAspectRatio: false,
    concurrency: 3,
    apiKey: '',
    accessKey: '',
    secretKey: '',
    token: '',
  };
  if (!p || p.kind === 'sandbox') return base;
  if (p.kind === 'official') return { ...base, kind: 'official', label: p.label, region: p.region, baseUrl: p.baseUrl ?? '', auth: p.auth, concurrency: p.concurrency };
  return { ...base, kind: 'gateway', label: p.label, baseUrl: p.baseUrl, pathPrefix: p.pathPrefix, modelField: p.modelField, sendAspectRatio: p.sendAspectRatio, concurrency: p.concurrency };
}

export function ProfileForm({ profile, onDone }: { profile?: ProfileView; onDone(): void }) {
  const [d, setD] = useState<Draft>(() => draftFrom(profile));
  const [error, setError] = useState<BridgeError>();
  const [saving, setSaving] = useState(false);
  const editing = Boolean(profile);
  const keep = editing && profile?.hasCredential;
  const patch = (p: Partial<Draft>) => setD((old) => ({ ...old, ...p }));
  // Without a keyring the person chooses how a new key is kept; the safe answer is preselected.
  const protection = useProfiles((s) => s.state?.keyProtection ?? 'keyring');
  const [keeping, setKeeping] = useState<KeyKeeping>(profile?.credentialKept ?? 'session');

  const credential = () => {
    if (d.kind === 'gateway') return d.token.trim() ? { kind: 'token' as const, token: d.token } : undefined;
    if (d.auth === 'api-key') return d.apiKey.trim() ? { kind: 'api-key' as const, apiKey: d.apiKey } : undefined;
    return d.accessKey.trim() || d.secretKey.trim()
      ? { kind: 'access-key' as const, accessKey: d.accessKey, secretKey: d.secretKey }
      : undefined;
  };

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    const id = profile?.id;
    const common = { ...(id ? { id } : {}), label: d.label, concurrency: d.concurrency };
    const result = await studio.profiles.save({
      profile:
        d.kind === 'official'
          ? { ...common, kind: 'official', region: d.region, auth: d.auth, ...(d.region === 'custom' ? { baseUrl: d.baseUrl } : {}) }
          : { ...common, kind: 'gateway', baseUrl: d.baseUrl, pathPrefix: d.pathPrefix, modelField: d.modelField, sendAspectRatio: d.sendAspectRatio },
      ...(credential() ? { credential: credential(), ...(protection === 'keyring' ? {} : { keep: keeping }) } : {}),
    });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    useProfiles.getState().set(result.value);
    onDone();
  }

  const secretHint = keep ? 'Stored — leave empty to keep it' : '';
  // The last four characters belong to the key that identifies the account (the access key of a pair), never the secret.
  const keyHint = keep && profile?.credentialHint ? `Stored, ends in ${profile.credentialHint} — leave empty to keep it` : secretHint;
  const fieldError = (f: string) => (error?.field?.endsWith(f) ? error.message : undefined);

  return (
    <form className="profile-form" onSubmit={(e) => void save(e)} aria-label={editing ? `Edit ${profile?.label}` : 'New profile'}>
      <fieldset className="field segmented">
        <legend className="field__label">Connect to</legend>
        {(['official', 'gateway'] as const).map((k) => (
          <label key={k} className={`segmented__item ${d.kind === k ? 'is-on' : ''}`}>
            <input type="radio" name="kind" checked={d.kind === k} disabled={editing} onChange={() => patch({ kind: k })} />
            {k === 'official' ? 'Kling (official API)' : 'A gateway'}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">Name</span>
        <input className="input" value={d.label} placeholder={d.kind === 'official' ? 'My Kling account' : 'My gateway'} onChange={(e) => patch({ label: e.target.value })} />
        {fieldError('label') && <span className="field__error">{fieldError('label')}</span>}
      </label>

      {d.kind === 'official' ? (
        <>
          <label className="field">
            <span className="field__label">Region</span>
            <select className="select" value={d.region} onChange={(e) => patch({ region: e.target.value as Draft['region'] })}>
              <option value="singapore">Singapore — api-singapore.klingai.com (outside China)</option>
              <option value="beijing">Beijing — api-beijing.klingai.com (China)</option>
              <option value="custom">Custom base URL</option>
            </select>
          </label>
          {d.region === 'custom' && (
            <label className="field">
              <span className="field__label">Base URL</span>
              <input className="input" value={d.baseUrl} placeholder="https://api.klingai.com" onChange={(e) => patch({ baseUrl: e.target.value })} />
              {fieldError('baseUrl') && <span className="field__error">{fieldError('baseUrl')}</span>}
            </label>
          )}
          <fieldset className="field segmented">
            <legend className="field__label">Credential</legend>
            {(['api-key', 'access-key'] as const).map((a) => (
              <label key={a} className={`segmented__item ${d.auth === a ? 'is-on' : ''}`}>
                <input type="radio" name="auth" checked={d.auth === a} onChange={() => patch({ auth: a })} />
                {a === 'api-key' ? 'One API key' : 'Access key + secret key pair'}
              </label>
            ))}
          </fieldset>
          {d.auth === 'api-key' ? (
            <label className="field">
              <span className="field__label">API key</span>
              <input className="input" type="password" autoComplete="off" value={d.apiKey} placeholder={keyHint} onChange={(e) => patch({ apiKey: e.target.value })} />
            </label>
          ) : (
            <div className="field-row">
              <label className="field">
                <span className="field__label">Access key</span>
                <input className="input" type="password" autoComplete="off" value={d.accessKey} placeholder={keyHint} onChange={(e) => patch({ accessKey: e.target.value })} />
              </label>
              <label className="field">
                <span className="field__label">Secret key</span>
                <input className="input" type="password" autoComplete="off" value={d.secretKey} placeholder={secretHint} onChange={(e) => patch({ secretKey: e.target.value })} />
              </label>
            </div>
          )}
          <p className="credential-help">
            Keys are made on <ExternalLink href={KLING_LINKS.console}>Kling’s developer console</ExternalLink>.
          </p>
        </>
      ) : (
        <>
          <div className="field-row">
            <label className="field field--grow">
              <span className="field__label">Base URL</span>
              <input className="input" value={d.baseUrl} placeholder="https://gateway.example.com" onChange={(e) => patch({ baseUrl: e.target.value })} />
              {fieldError('baseUrl') && <span className="field__error">{fieldError('baseUrl')}</span>}
            </label>
            <label className="field">
              <span className="field__label">Path prefix</span>
              <input className="input" value={d.pathPrefix} onChange={(e) => patch({ pathPrefix: e.target.value })} />
            </label>
          </div>
          <label className="field">
            <span className="field__label">Gateway token</span>
            <input className="input" type="password" autoComplete="off" value={d.token} placeholder={keyHint} onChange={(e) => patch({ token: e.target.value })} />
          </label>
          <div className="field-row">
            <label className="field field--grow">
              <span className="field__label">Model field it expects</span>
              <select className="select" value={d.modelField} onChange={(e) => patch({ modelField: e.target.value as Draft['modelField'] })}>
                <option value="model_name">model_name (as the official API)</option>
                <option value="model">model (older gateways)</option>
                <option value="both">both</option>
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={d.sendAspectRatio} onChange={(e) => patch({ sendAspectRatio: e.target.checked })} />
              Send aspect_ratio
            </label>
          </div>
        </>
      )}
      {keep && profile && (
        <p className="credential-stored">
          {describeStoredKey(profile)} is {profile.credentialKept === 'session' ? 'kept for this session' : 'stored'}. Leave the key
          {d.kind === 'official' && d.auth === 'access-key' ? 's' : ''} empty to keep it.
        </p>
      )}
      {protection !== 'keyring' && <KeyKeepingChoice protection={protection} value={protection === 'unavailable' ? 'session' : keeping} onChange={setKeeping} />}
      <label className="field field--narrow">
        <span className="field__label">Tasks at once</span>
        <input className="input" type="number" min={1} max={50} value={d.concurrency} onChange={(e) => patch({ concurrency: Number(e.target.value) || 1 })} />
      </label>
      {error && !error.field?.match(/label|baseUrl/) && (
        <div className="notice" role="alert">
          <div className="notice__body">
            <strong className="notice__title">Not saved</strong>
            <ul className="notice__list">
              <li>{error.message}</li>
            </ul>
          </div>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save profile'}
        </button>
      </div>
    </form>
  );
}
