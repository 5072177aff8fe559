import { useEffect } from 'react';
import { studio, unwrap } from '../api';
import { handleShortcut } from '../commands/registry';
import { useMenuSync } from '../commands/menu-sync';
import { ComposerPanel } from '../composer/ComposerPanel';
import { Editor } from '../editor/Editor';
import { Gallery } from '../library/Gallery';
import { PlayerDialog } from '../library/PlayerDialog';
import { usePosterCapture } from '../library/poster';
import { useLibrary } from '../store/library';
import { useProfiles } from '../store/profiles';
import { useProvider } from '../store/provider';
import { SettingsView } from '../settings/SettingsView';
import { useView } from '../store/view';
import { TopBar } from './TopBar';
import { SettingsNotice } from './SettingsNotice';
import { useSettings } from '../store/settings';
import { useWindowDrop } from './useWindowDrop';

export function App() {
  useEffect(() => {
    const { upsert, setAll, setLoadError } = useLibrary.getState();
    const unsubscribe = studio.on('generation.updated', upsert);
    const unsubscribeSettings = studio.on('settings.changed', (state) => useSettings.getState().set(state));
    void useSettings.getState().load().catch(() => undefined);
    unwrap(studio.generations.list({}))
      .then((list) => setAll(list.items, list.problems))
      .catch((error: Error) => setLoadError(error.message));
    unwrap(studio.provider.status({}))
      .then((status) => useProvider.getState().set(status))
      .catch(() => undefined);
    void useProfiles.getState().load().catch(() => undefined);
    const onKey = (event: KeyboardEvent) => void handleShortcut(event);
    window.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      unsubscribeSettings();
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  useMenuSync();
  const dragging = useWindowDrop();
  usePosterCapture();
  const view = useView((s) => s.view);

  return (
    <div className="app">
      <TopBar />
      <SettingsNotice />
      {/* Hidden, not unmounted, behind Settings: the open document and the canvas keep their state. */}
      <main className="workspace" hidden={view === 'settings'}>
        <ComposerPanel />
        <Editor />
        <Gallery />
      </main>
      {view === 'settings' && <SettingsView />}
      <PlayerDialog />
      {dragging && (
        <div className="drop-veil" aria-hidden="true">
          <div className="drop-veil__card">Drop to use as the start frame</div>
        </div>
      )}
    </div>
  );
}
