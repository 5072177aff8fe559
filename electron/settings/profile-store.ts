// The profiles a person has configured, kept as small settings. The Sandbox profile always exists and cannot be
// removed: it is what the app uses while no other profile has a credential.
import { DEFAULT_CONCURRENCY, SANDBOX_PROFILE, SANDBOX_PROFILE_ID, type Profile } from '../../shared/settings/profiles';
import type { KeyValueStore } from './key-value';

const PROFILES = 'profiles';
const SELECTED = 'selectedProfileId';
/** The Sandbox is built in, not stored with the others; only its cap on tasks in flight is the person's. */
const SANDBOX_CONCURRENCY = 'sandboxConcurrency';

const validCap = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 50;

export class ProfileStore {
  constructor(private readonly store: KeyValueStore) {}

  list(): Profile[] {
    const sandboxCap = this.store.get<unknown>(SANDBOX_CONCURRENCY);
    const sandbox = { ...SANDBOX_PROFILE, concurrency: validCap(sandboxCap) ? sandboxCap : DEFAULT_CONCURRENCY };
    return [sandbox, ...(this.store.get<Profile[]>(PROFILES) ?? []).filter((p) => p.id !== SANDBOX_PROFILE_ID)];
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

  /** Change only the cap on tasks in flight (the Settings view's number per profile, the Sandbox's included). */
  setConcurrency(id: string, concurrency: number): Profile {
    if (!validCap(concurrency)) throw new Error('Tasks at once is a whole number from 1 to 50');
    if (id === SANDBOX_PROFILE_ID) {
      this.store.set(SANDBOX_CONCURRENCY, concurrency);
      return { ...SANDBOX_PROFILE, concurrency };
    }
    const profile = this.get(id);
    if (!profile) throw new Error('That profile no longer exists.');
    return this.save({ ...profile, concurrency });
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
