import { useEffect } from 'react';
import { studio, unwrap } from '../api';
import { handleShortcut } from '../commands/registry';
import { ComposerPanel } from '../composer/ComposerPanel';
import { Editor } from '../editor/Editor';
import { Gallery } from '../library/Gallery';
import { PlayerDialog } from '../library/PlayerDialog';
import { usePosterCapture } from '../library/poster';
import { useLibrary } from '../store/library';
import { useProfiles } from '../store/profiles';
import { useProvider } from '../store/provider';
import { SettingsDialog } from '../settings/SettingsDialog';
import { TopBar } from './TopBar';
import { useWindowDrop } from './useWindowDrop';

export function App() {
  useEffect(() => {
    const { upsert, setAll, setLoadError } = useLibrary.getState();
    const unsubscribe = studio.on('generation.updated', upsert);
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
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  const dragging = useWindowDrop();
  usePosterCapture();

  return (
    <div className="app">
      <TopBar />
      <main className="workspace">
        <ComposerPanel />
        <Editor />
        <Gallery />
      </main>
      <PlayerDialog />
      <SettingsDialog />
      {dragging && (
        <div className="drop-veil" aria-hidden="true">
          <div className="drop-veil__card">Drop to use as the start frame</div>
        </div>
      )}
    </div>
  );
}
