// The profiles a person has configured, kept as small settings. The Sandbox profile always exists and cannot be
// removed: it is what the app uses while no other profile has a credential.
import { SANDBOX_PROFILE, SANDBOX_PROFILE_ID, type Profile } from '../../shared/settings/profiles';
import type { KeyValueStore } from './key-value';

const PROFILES = 'profiles';
const SELECTED = 'selectedProfileId';

export class ProfileStore {
  constructor(private readonly store: KeyValueStore) {}

  list(): Profile[] {
    return [SANDBOX_PROFILE, ...(this.store.get<Profile[]>(PROFILES) ?? []).filter((p) => p.id !== SANDBOX_PROFILE_ID)];
  }

  get(id: string): Profile | undefined {
    return this.list().find((p) => p.id === id);
  }

  save(profile: Profile): Profile {
    if (profile.id === SANDBOX_PROFILE_ID) throw new Error('The Sandbox profile cannot be changed');
    const others = this.list().filter((p) => p.id !== profile.id && p.id !== SANDBOX_PROFILE_ID);
    this.store.set(PROFILES, [...others, profile]);
    return profile;
  }

  delete(id: string): void {
    if (id === SANDBOX_PROFILE_ID) throw new Error('The Sandbox profile cannot be removed');
    this.store.set(
      PROFILES,
      this.list().filter((p) => p.id !== id && p.id !== SANDBOX_PROFILE_ID),
    );
    if (this.store.get<string>(SELECTED) === id) this.store.set(SELECTED, undefined);
  }

  /** The profile the person picked, if any (it may lack a credential; the provider registry decides). */
  selectedId(): string | undefined {
    return this.store.get<string>(SELECTED);
  }

  select(id: string | undefined): void {
    this.store.set(SELECTED, id);
  }
}
