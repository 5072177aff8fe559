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

/** One filter: "Any …" first (no filter), then its values, each shown by its words. */
function FilterSelect<T extends string>(props: { label: string; any: string; value: T | undefined; options: [T, string][]; onPick(value: T | undefined): void }) {
  return (
    <select className="select" aria-label={props.label} value={props.value ?? ''} onChange={(e) => props.onPick(e.target.value === '' ? undefined : (e.target.value as T))}>
      <option value="">{props.any}</option>
      {props.options.map(([value, words]) => (
        <option key={value} value={value}>
          {words}
        </option>
      ))}
    </select>
  );
}

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
      {/* Beside the search rather than after the filters: appearing there, it took a row of its own in a 900 px window and
          pushed the grid down as the first letter was typed. */}
      {props.filtered && (
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => setQuery({ search: '', status: undefined, model: undefined, feature: undefined, profile: undefined, from: undefined, to: undefined })}
        >
          Clear
        </button>
      )}
      <div className="library__filters">
        <FilterSelect label="Status" any="Any status" value={query.status} options={STATUS_FILTERS.map((s) => [s, STATUS_WORDS[s]])} onPick={(status) => setQuery({ status })} />
        <FilterSelect label="Model" any="Any model" value={query.model} options={facets.models.map((m) => [m, m])} onPick={(model) => setQuery({ model })} />
        <FilterSelect label="Feature" any="Any feature" value={query.feature} options={FEATURES.map((f) => [f, FEATURE_WORDS[f]])} onPick={(feature) => setQuery({ feature })} />
        <FilterSelect label="Profile" any="Any profile" value={query.profile} options={facets.profiles.map((p) => [p.id, p.label])} onPick={(profile) => setQuery({ profile })} />
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
