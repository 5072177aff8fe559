import { useMemo } from 'react';
import { isFinished } from '../../shared/library/generation';
import { useLibrary } from '../store/library';
import { GenerationCard } from './GenerationCard';

export function Gallery() {
  const byId = useLibrary((s) => s.byId);
  const loaded = useLibrary((s) => s.loaded);
  const loadError = useLibrary((s) => s.loadError);
  const problems = useLibrary((s) => s.problems);
  const items = useMemo(() => Object.values(byId).sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [byId]);
  const inFlight = items.filter((i) => !isFinished(i.status)).length;

  return (
    <section className="gallery" aria-labelledby="gallery-title">
      <div className="gallery__head">
        <h2 id="gallery-title" className="panel-title">
          Library
        </h2>
        <span className="gallery__count">
          {items.length} {items.length === 1 ? 'generation' : 'generations'}
          {inFlight > 0 && ` · ${inFlight} in progress`}
        </span>
      </div>
      {loadError && (
        <div className="notice" role="alert">
          <div className="notice__body">
            <strong className="notice__title">The library could not be read</strong>
            <ul className="notice__list">
              <li>{loadError}</li>
            </ul>
          </div>
        </div>
      )}
      {problems.length > 0 && (
        <details className="library-problems">
          <summary>
            {problems.length} damaged {problems.length === 1 ? 'entry was' : 'entries were'} skipped
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
      {loaded && items.length === 0 && !loadError && (
        <div className="empty">
          <div className="empty__art" aria-hidden="true" />
          <p className="empty__title">No generations yet</p>
          <p className="empty__text">Drop a photo, describe what should happen, and press Generate. Every clip you make is kept here.</p>
        </div>
      )}
      <ul className="grid" aria-label="Generations">
        {items.map((g) => (
          <li key={g.id}>
            <GenerationCard generation={g} />
          </li>
        ))}
      </ul>
    </section>
  );
}
