import { useComposer } from '../store/composer';
import { loadFrame } from './load-frame';

/** Check a file and make it the start frame, or say which rule it breaks; the current frame is kept on failure. */
export async function acceptStartFrameFile(file: File): Promise<void> {
  const result = await loadFrame(file, 'startFrame');
  const s = useComposer.getState();
  if (result.ok) s.setStartFrame(result.frame);
  else s.setFrameNotice({ title: `“${file.name}” can't be used`, messages: result.messages });
}
