// The Library view's header: how many generations it holds (and how many match while a search or filter is on),
// the search box, the filters and the sort, damaged folders, and what can be done with the selected cards.
import { FEATURES, STATUS_FILTERS, type Feature, type StatusFilter } from '../../shared/library/query';
import { useLibrary } from '../store/library';

const STATUS_WORDS: Record<StatusFilter, string> = {
  'in-flight': 'In progress',
  succeed: 'Ready',
  failed: 'Failed',
  cancelled: 'Cancelled',
  'given-up': 'Given up',
};
const FEATURE_WORDS: Record<Feature, string> = {
  'motion-brush': 'Motion brush',
  'end-frame': 'End frame',
  camera: 'Camera',
  voice: 'Voice or sound',
};

const plural = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'generation' : 'generations'}`;

export function LibraryHeader(props: { filtered: boolean; selected: number; onDeleteSelected(): void; onClearSelection(): void }) {
  const query = useLibrary((s) => s.query);
  const total = useLibrary((s) => s.total);
  const matching = useLibrary((s) => s.matching);
  const facets = useLibrary((s) => s.facets);
  const damaged = useLibrary((s) => s.damaged);
  const problems = useLibrary((s) => s.problems);
  const setQuery = useLibrary((s) => s.setQuery);
  const loadProblems = useLibrary((s) => s.loadProblems);
  const pick = <T extends string>(value: string): T | undefined => (value === '' ? undefined : (value as T));

  return (
    <header className="library__head">
      <h2 id="library-title" className="library__title">
        Library
      </h2>
      <span className="library__count" role="status" aria-label="Library count">
        {props.filtered ? `${matching.toLocaleString()} of ${plural(total)} match` : plural(total)}
      </span>
      <input
        type="search"
        className="library__search"
        aria-label="Search generations"
        placeholder="Search prompt, model, task id…"
        value={query.search ?? ''}
        onChange={(e) => setQuery({ search: e.target.value })}
      />
      <div className="library__filters">
        <select className="select" aria-label="Status" value={query.status ?? ''} onChange={(e) => setQuery({ status: pick<StatusFilter>(e.target.value) })}>
          <option value="">Any status</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORDS[s]}
            </option>
          ))}
        </select>
        <select className="select" aria-label="Model" value={query.model ?? ''} onChange={(e) => setQuery({ model: pick(e.target.value) })}>
          <option value="">Any model</option>
          {facets.models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <select className="select" aria-label="Feature" value={query.feature ?? ''} onChange={(e) => setQuery({ feature: pick<Feature>(e.target.value) })}>
          <option value="">Any feature</option>
          {FEATURES.map((f) => (
            <option key={f} value={f}>
              {FEATURE_WORDS[f]}
            </option>
          ))}
        </select>
        <select className="select" aria-label="Profile" value={query.profile ?? ''} onChange={(e) => setQuery({ profile: pick(e.target.value) })}>
          <option value="">Any profile</option>
          {facets.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <label className="library__date">
          From
          <input type="date" className="select" value={query.from ?? ''} onChange={(e) => setQuery({ from: pick(e.target.value) })} />
        </label>
        <label className="library__date">
          To
          <input type="date" className="select" value={query.to ?? ''} onChange={(e) => setQuery({ to: pick(e.target.value) })} />
        </label>
        <select className="select" aria-label="Sort" value={query.sort ?? 'newest'} onChange={(e) => setQuery({ sort: e.target.value === 'oldest' ? 'oldest' : 'newest' })}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
        {props.filtered && (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setQuery({ search: '', status: undefined, model: undefined, feature: undefined, profile: undefined, from: undefined, to: undefined })}
          >
            Clear
          </button>
        )}
      </div>
      {props.selected > 0 && (
        <div className="library__selection" role="toolbar" aria-label="Selection">
          <span>{props.selected} selected</span>
          <button type="button" className="button button--small" onClick={props.onDeleteSelected}>
            Delete {props.selected} <kbd className="kbd">Del</kbd>
          </button>
          <button type="button" className="button button--small button--ghost" onClick={props.onClearSelection}>
            Clear selection
          </button>
        </div>
      )}
      {damaged > 0 && (
        <details className="library-problems" onToggle={(e) => (e.currentTarget.open ? void loadProblems() : undefined)}>
          <summary>
            {damaged} damaged {damaged === 1 ? 'entry' : 'entries'}
          </summary>
          <ul>
            {problems.map((p) => (
              <li key={p.folder}>
                <code>{p.folder}</code>: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </header>
  );
}
