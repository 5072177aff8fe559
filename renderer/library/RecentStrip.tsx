// The Create view's slim strip: what is being made now and the newest clips, so a person sees a Generate land without
// leaving the editor. The whole library is one tab (Ctrl+2) away.
import { useMemo } from 'react';
import { shortcutLabel } from '../commands/registry';
import { useLibrary } from '../store/library';
import { useView } from '../store/view';
import { GenerationCard } from './GenerationCard';
import { stripItems } from './recent';
import './library.css';

export function RecentStrip() {
  const byId = useLibrary((s) => s.byId);
  const recentIds = useLibrary((s) => s.recentIds);
  const items = useMemo(() => stripItems(byId, recentIds), [byId, recentIds]);
  return (
    <section className="strip" aria-label="Recent generations">
      <div className="strip__head">
        <h2 className="panel-title">Recent</h2>
        <button type="button" className="button button--small button--ghost" onClick={() => useView.getState().show('library')}>
          Open library <kbd className="kbd">{shortcutLabel('Mod+2')}</kbd>
        </button>
      </div>
      {items.length === 0 ? (
        <p className="strip__empty">
          <strong>No generations yet</strong>: each one appears here as it is made, and stays in the library.
        </p>
      ) : (
        <ul className="strip__list" aria-label="Recent generations">
          {items.map((g) => (
            <li key={g.id}>
              <GenerationCard generation={g} variant="strip" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
