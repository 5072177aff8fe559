// What the window may know of a profile's key: that it is set, its last four characters, and whether it is kept only
// for this session. The key itself never reaches the window.
import type { ProfileView } from '../../shared/settings/profiles';

const KEY_NAMES = { 'api-key': 'API key', 'access-key': 'Access key', token: 'Token' } as const;

export function keyName(p: ProfileView): string {
  if (p.kind === 'gateway') return KEY_NAMES.token;
  return p.kind === 'official' ? KEY_NAMES[p.auth] : 'Key';
}

/** "API key …abcd", or "API key set" when the key is too short to show any of it. */
export function describeStoredKey(p: ProfileView): string {
  return p.credentialHint ? `${keyName(p)} …${p.credentialHint}` : `${keyName(p)} set`;
}

/** Follows the profile's description ("Kling · … · API key"), so it names the key only where that does not. */
export function CredentialSummary({ profile }: { profile: ProfileView }) {
  if (profile.kind === 'sandbox' || !profile.hasCredential) return null;
  const what = profile.kind === 'gateway' ? 'token ' : '';
  return (
    <span className="credential-summary">
      <span className="credential-summary__key" aria-label={`${keyName(profile)} ending in ${profile.credentialHint ?? 'hidden characters'}`}>
        {profile.credentialHint ? `${what}ending in …${profile.credentialHint}` : `${what}set`}
      </span>
      {profile.credentialKept === 'session' && (
        <span className="chip chip--queued" title="Forgotten when Kling Studio quits: you enter it again next time">
          This session only
        </span>
      )}
    </span>
  );
}
