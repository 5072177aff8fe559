// The two views of the one window as tabs, and their commands (Ctrl+1 / Ctrl+2, View menu) in the registry, so the
// tab, the menu item and the shortcut are one command.
import { useEffect } from 'react';
import { registerCommands, shortcutLabel } from '../commands/registry';
import { useView, type ViewName } from '../store/view';

const TABS: { view: Exclude<ViewName, 'settings'>; label: string; shortcut: string }[] = [
  { view: 'create', label: 'Create', shortcut: 'Mod+1' },
  { view: 'library', label: 'Library', shortcut: 'Mod+2' },
];

/** Commands are off while a modal dialog is open (the player, a confirmation): the view behind it must not change. */
const noDialog = () => !document.querySelector('dialog[open]');

export const viewPanelId = (view: ViewName) => `view-${view}`;
export const viewTabId = (view: ViewName) => `tab-${view}`;

export function ViewTabs() {
  const view = useView((s) => s.view);
  useEffect(
    () =>
      registerCommands(
        TABS.map((t) => ({
          id: `view.${t.view}`,
          label: t.label,
          shortcut: t.shortcut,
          menu: 'view' as const,
          enabled: noDialog,
          run: () => useView.getState().show(t.view),
        })),
      ),
    [],
  );
  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {TABS.map((t) => (
        <button
          key={t.view}
          type="button"
          role="tab"
          id={viewTabId(t.view)}
          aria-selected={view === t.view}
          aria-controls={viewPanelId(t.view)}
          tabIndex={view === t.view ? 0 : -1}
          className={`view-tab ${view === t.view ? 'is-on' : ''}`}
          title={`${t.label} (${shortcutLabel(t.shortcut)})`}
          onClick={() => useView.getState().show(t.view)}
          onKeyDown={(e) => {
            // Tabs pattern: arrows move between the tabs (WAI-ARIA Authoring Practices, "Tabs").
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            e.preventDefault();
            e.stopPropagation();
            const i = TABS.findIndex((x) => x.view === t.view);
            const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
            if (!next) return;
            useView.getState().show(next.view);
            document.getElementById(viewTabId(next.view))?.focus();
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
