// The motion commands (presets, and what else acts on a moving area's path) in the app's one registry, so the preset
// menu, the application menu and the shortcuts list share one enabled state.
import { MOTION_PRESETS } from '../../../shared/editor/motion-presets';
import type { Command } from '../../commands/registry';
import { editing } from '../commands';
import { activeArea, editorState } from '../store';
import { applyPreset, presetBlocker } from './presets';

export const presetCommandId = (kind: string) => `editor.path.preset.${kind}`;

function canLayPreset(): boolean {
  const s = editorState();
  return editing() && s.doc !== null && presetBlocker(s.doc, activeArea(s)) === null;
}

export function motionCommands(): Command[] {
  return MOTION_PRESETS.map((p) => ({
    id: presetCommandId(p.kind),
    label: `Motion preset: ${p.label}`,
    enabled: canLayPreset,
    run: () => void applyPreset(p.kind),
  }));
}
