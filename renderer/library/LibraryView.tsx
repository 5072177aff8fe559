// The Library view: the whole window for the grid of generations. Virtualised: only the rows on screen (and a few
// beyond) are in the DOM, so 10,000 generations cost what one screen costs.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useLibrary } from '../store/library';
import { columnsFor, GRID_GAP, moveFocus } from './columns';
import { GenerationCard } from './GenerationCard';
import { LibraryHeader } from './LibraryHeader';
import { useResults } from './results';
import { deleteGenerations } from './deletion';
import { DeletedNotice } from './DeletedNotice';
import './library.css';

/** A card's body under its 16:10 poster; the measured height replaces this estimate once a row is drawn. */
const BODY_ESTIMATE = 132;

// The grid re-renders at every scroll step; the header and the deletion notice do not depend on it.
const Header = memo(LibraryHeader);
const Notice = memo(DeletedNotice);

/** The place in the results of the card that holds `target`, if any. */
function cardIndexOf(target: EventTarget): number | undefined {
  const card = target instanceof Element ? target.closest<HTMLElement>('[data-card]') : null;
  return card?.dataset.card === undefined ? undefined : Number(card.dataset.card);
}

export function LibraryView({ active }: { active: boolean }) {
  const results = useResults();
  const open = useLibrary((s) => s.open);
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [focus, setFocus] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef(0);
  const wantFocus = useRef(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // A hidden view measures 0: keep the last real width, so the layout (and the scroll place) survives a tab switch.
    const measure = () => {
      if (el.clientWidth > 0) setWidth(el.clientWidth);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);

  const inner = Math.max(0, width - 2 * 22);
  const columns = columnsFor(inner);
  const cardWidth = (inner - GRID_GAP * (columns - 1)) / columns;
  const rows = Math.ceil(results.count / columns);
  // The compiler cannot memoise around the virtualiser's functions; this component does not rely on it doing so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => Math.round((cardWidth * 10) / 16) + BODY_ESTIMATE + GRID_GAP,
    overscan: 2,
    // Rows on screen are worked out in React's own time rather than synchronously inside each scroll event: the
    // scrolled frame is drawn first (the rows beyond it are in the overscan already).
    useFlushSync: false,
  });
  const visible = virtualizer.getVirtualItems();

  // Ask for what is on screen (and the overscan): the results fetch pages around it.
  const firstIndex = (visible[0]?.index ?? 0) * columns;
  const lastIndex = ((visible[visible.length - 1]?.index ?? 0) + 1) * columns;
  useEffect(() => (active ? results.want(firstIndex, lastIndex) : undefined), [active, results, firstIndex, lastIndex]);

  useEffect(() => {
    if (focus >= results.count && results.count > 0) setFocus(results.count - 1);
  }, [focus, results.count]);

  // After a keyboard move the focused card may have only just been drawn: focus it once it is in the DOM.
  useEffect(() => {
    if (!wantFocus.current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-card="${focus}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = false;
    }
  });

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.target instanceof HTMLElement && event.target.closest('button:not(.card__media), input, select, textarea')) return;
      const rowsPerPage = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 600) / (virtualizer.options.estimateSize(0) || 300)));
      const next = moveFocus(event.key, focus, results.count, columns, rowsPerPage);
      const g = results.at(focus);
      if (event.key === 'Delete' || (event.key === 'Backspace' && event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        const ids = selected.size > 0 ? [...selected] : g ? [g.id] : [];
        setSelected(new Set());
        wantFocus.current = true;
        void deleteGenerations(ids);
        return;
      }
      if (event.key === 'Escape' && selected.size > 0) {
        event.stopPropagation();
        setSelected(new Set());
        return;
      }
      if (next !== undefined) {
        event.preventDefault();
        event.stopPropagation();
        setFocus(next);
        wantFocus.current = true;
        virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
      } else if ((event.key === 'Enter' || event.key === ' ') && g) {
        event.preventDefault();
        event.stopPropagation();
        // Space plays: only a generation with a clip; Enter opens any (the player shows what there is).
        if (event.key === 'Enter' || (g.status === 'succeed' && g.media.result)) open(g.id);
      }
    },
    [focus, results, columns, virtualizer, open, selected],
  );

  // Focus and clicks are handled here for every card (by its data-card place) rather than by a handler per card: the
  // cards' props stay the same from one render to the next, so the memoised cards are not drawn again while scrolling.
  const onFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const index = cardIndexOf(event.target);
    if (index !== undefined) setFocus(index);
  }, []);

  const onClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      const index = cardIndexOf(event.target);
      const g = index === undefined ? undefined : results.at(index);
      if (index === undefined || !g) return;
      // Ctrl/⌘-click adds or removes one card, Shift-click a run of cards: for deleting many at once.
      if (!(event.ctrlKey || event.metaKey || event.shiftKey)) {
        anchor.current = index;
        return;
      }
      event.preventDefault();
      const next = new Set(selected);
      if (event.shiftKey) {
        const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
        for (let i = a; i <= b; i++) {
          const id = results.at(i)?.id;
          if (id) next.add(id);
        }
      } else {
        if (next.has(g.id)) next.delete(g.id);
        else next.add(g.id);
        anchor.current = index;
      }
      setSelected(next);
    },
    [results, selected],
  );

  const deleteSelected = useCallback(() => {
    setSelected(new Set());
    void deleteGenerations([...selected]);
  }, [selected]);
  const clearSelection = useCallback(() => setSelected(new Set()), []);

  return (
    <section className="library" aria-labelledby="library-title">
      <Header filtered={results.filtered} selected={selected.size} onDeleteSelected={deleteSelected} onClearSelection={clearSelection} />
      <Notice />
      {results.loadError && (
        <div className="notice library__notice" role="alert">
          <div className="notice__body">
            <strong className="notice__title">The library could not be read</strong>
            <ul className="notice__list">
              <li>{results.loadError}</li>
            </ul>
          </div>
        </div>
      )}
      <div className="library__scroller" ref={scroller}>
        {!active ? null : results.loaded && results.total === 0 && !results.loadError ? (
          <div className="empty">
            <div className="empty__art" aria-hidden="true" />
            <p className="empty__title">No generations yet</p>
            <p className="empty__text">
              Every clip you make is kept here, with everything needed to understand and redo it. Go to Create, drop a photo,
              describe what should happen and press Generate.
            </p>
          </div>
        ) : results.loaded && results.count === 0 && results.filtered ? (
          <div className="empty" role="status">
            <p className="empty__title">No generation matches</p>
            <p className="empty__text">Try fewer words, or clear the filters.</p>
          </div>
        ) : null}
        <div
          role="feed"
          aria-label="Generations"
          aria-busy={!results.loaded}
          className="library__grid"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onClick={onClick}
        >
          {visible.map((row) => (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className="library__row"
              style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
            >
              {Array.from({ length: columns }, (_, c) => {
                const index = row.index * columns + c;
                if (index >= results.count) return null;
                const g = results.at(index);
                if (!g) return <div key={index} className="card card--placeholder" aria-hidden="true" />;
                return (
                  <GenerationCard
                    key={g.id}
                    generation={g}
                    data-card={index}
                    tabIndex={index === focus ? 0 : -1}
                    aria-posinset={index + 1}
                    aria-setsize={results.count}
                    selected={selected.has(g.id)}
                  />
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
