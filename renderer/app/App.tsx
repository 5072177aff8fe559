import { useEffect } from 'react';
import { studio, unwrap } from '../api';
import { handleShortcut } from '../commands/registry';
import { useMenuSync } from '../commands/menu-sync';
import { ComposerPanel } from '../composer/ComposerPanel';
import { Editor } from '../editor/Editor';
import { LibraryView } from '../library/LibraryView';
import { RecentStrip } from '../library/RecentStrip';
import { PlayerDialog } from '../library/PlayerDialog';
import { usePosterCapture } from '../library/poster';
import { useLibrary } from '../store/library';
import { useProfiles } from '../store/profiles';
import { useProvider } from '../store/provider';
import { SettingsView } from '../settings/SettingsView';
import { useView } from '../store/view';
import { TopBar } from './TopBar';
import { SettingsNotice } from './SettingsNotice';
import { LibraryMissingNotice } from './LibraryMissingNotice';
import { useSettings } from '../store/settings';
import { useWindowDrop } from './useWindowDrop';
import { viewPanelId, viewTabId } from './ViewTabs';
import { useTheme } from './useTheme';
import { useOpenedFiles } from './useOpenedFiles';

export function App() {
  useEffect(() => {
    const { upsert } = useLibrary.getState();
    const unsubscribe = studio.on('generation.updated', upsert);
    const unsubscribeLibrary = studio.on('library.changed', () => useLibrary.getState().refresh());
    const unsubscribeSettings = studio.on('settings.changed', (state) => useSettings.getState().set(state));
    // A click on a notification that a generation finished or failed: the Library, with it open in the player.
    const unsubscribeShow = studio.on('app.showGeneration', ({ id }) => {
      useView.getState().show('library');
      useLibrary.getState().open(id);
    });
    void useSettings.getState().load().catch(() => undefined);
    // The first page and the strip; the grid asks for more pages as it scrolls (never the whole library).
    useLibrary.getState().load();
    unwrap(studio.provider.status({}))
      .then((status) => useProvider.getState().set(status))
      .catch(() => undefined);
    void useProfiles.getState().load().catch(() => undefined);
    const onKey = (event: KeyboardEvent) => void handleShortcut(event);
    window.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      unsubscribeLibrary();
      unsubscribeSettings();
      unsubscribeShow();
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  useMenuSync();
  useTheme();
  useOpenedFiles();
  const dragging = useWindowDrop();
  usePosterCapture();
  const view = useView((s) => s.view);
  // Settings returns to the view it came from; the other view stays mounted (hidden), so the editor keeps its canvas.
  const shown = view === 'settings' ? useView.getState().previous : view;

  return (
    <div className="app">
      <TopBar />
      <SettingsNotice />
      <LibraryMissingNotice />
      {/* One main landmark, named after Settings while it shows. Create and Library stay mounted behind it (hidden, not
          unmounted): the open document and the canvas keep their state. */}
      <main className="views" aria-label={view === 'settings' ? 'Settings' : undefined}>
      <div className="view" id={viewPanelId('create')} role="tabpanel" aria-labelledby={viewTabId('create')} hidden={view !== 'create'}>
        <div className="workspace--create">
          <ComposerPanel />
          <Editor />
          <RecentStrip />
        </div>
      </div>
      <div className="view" id={viewPanelId('library')} role="tabpanel" aria-labelledby={viewTabId('library')} hidden={view !== 'library'}>
        <LibraryView active={shown === 'library'} />
      </div>
      {view === 'settings' && <SettingsView />}
      </main>
      <PlayerDialog />
      {dragging && (
        <div className="drop-veil" aria-hidden="true">
          <div className="drop-veil__card">Drop to use as the start frame</div>
        </div>
      )}
    </div>
  );
}
