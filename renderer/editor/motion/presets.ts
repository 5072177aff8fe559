// Motion presets for the selected moving area: lay one from the area's centre (one undo step), aim it with the
// direction dial (re-laid while it is still the preset as laid; once a dot is moved it is the person's own path).
// The direction, the last preset laid and the last message are view state: they never enter undo history.
import { create } from 'zustand';
import type { Point } from '../../../shared/editor/geometry';
import { areaExtent } from '../../../shared/editor/area-extent';
import { MOTION_PRESETS, presetPath, type MotionPresetKind, type PresetResult } from '../../../shared/editor/motion-presets';
import { selectTool } from '../actions';
import type { Area, EditorDocument } from '../model/document';
import { activeArea, editorState, useEditor } from '../store';
import { cancelTools } from '../tools/tools';

interface PresetState {
  /** Degrees, counter-clockwise from "to the right" (90 = up), as on the dial. */
  direction: number;
  /** The preset on an area's path as laid, so aiming can re-lay it; forgotten once the path changes otherwise. */
  laid: Readonly<Record<string, { kind: MotionPresetKind; path: readonly Point[] }>>;
  /** What the last preset did on each area, for the panel's status line. */
  messages: Readonly<Record<string, PresetMessage>>;
}

export interface PresetMessage {
  text: string;
  tone: 'info' | 'problem';
  /** The document and the area's path when it was said: once either changes, it is no longer news. */
  doc: EditorDocument;
  path: readonly Point[] | null;
}

export const usePresets = create<PresetState>(() => ({ direction: 0, laid: {}, messages: {} }));

export function presetLabel(kind: MotionPresetKind): string {
  return MOTION_PRESETS.find((p) => p.kind === kind)?.label ?? kind;
}

/** Why presets cannot be laid on `area` now, or null when they can. */
export function presetBlocker(doc: EditorDocument, area: Area | null): string | null {
  if (!area || area.kind !== 'dynamic') return 'Select a moving area to give it a motion.';
  if (doc.labels.countPixels(area.label) === 0) return `Paint ${area.name} first: a preset starts from its centre.`;
  return null;
}

function lay(doc: EditorDocument, area: Area, kind: MotionPresetKind, direction: number): PresetResult | null {
  const extent = areaExtent(doc.labels, area.label);
  if (!extent) return null;
  return presetPath(kind, { frame: doc.start, area: extent, directionDeg: direction });
}

function say(doc: EditorDocument, areaId: string, text: string, tone: 'info' | 'problem' = 'info'): void {
  const message = { text, tone, doc, path: doc.trajectoryOf(areaId) };
  usePresets.setState((s) => ({ messages: { ...s.messages, [areaId]: message } }));
}

/** Lays preset `kind` on the selected moving area's path, replacing it (one undo step). */
export function applyPreset(kind: MotionPresetKind): boolean {
  const s = editorState();
  const area = activeArea(s);
  const doc = s.doc;
  if (!doc || !area) return false;
  const blocker = presetBlocker(doc, area);
  if (blocker) {
    say(doc, area.id, blocker, 'problem');
    return false;
  }
  cancelTools();
  const result = lay(doc, area, kind, usePresets.getState().direction);
  if (!result) return false;
  if (!result.ok) {
    say(doc, area.id, `No room for a ${presetLabel(kind).toLowerCase()} that way: ${area.name} sits against the frame's edge. Turn the direction dial.`, 'problem');
    return false;
  }
  doc.setTrajectory(area.id, result.points, `${presetLabel(kind)} preset`);
  const path = doc.trajectoryOf(area.id) ?? [];
  usePresets.setState((s) => ({ laid: { ...s.laid, [area.id]: { kind, path } } }));
  const shrunk = result.scale < 0.995 ? ` Shrunk to ${Math.round(result.scale * 100)} % to stay inside the frame.` : '';
  say(doc, area.id, `${presetLabel(kind)} laid from the centre of ${area.name}: ${result.points.length} points.${shrunk}`);
  // The dots are the path's handles: the Path tool drags them.
  selectTool('trajectory');
  useEditor.setState({ selectedPoint: null });
  return true;
}

/** What the panel says about the area's last preset, while its path is still as it was then. */
export function presetMessage(doc: EditorDocument, areaId: string): PresetMessage | null {
  const message = usePresets.getState().messages[areaId];
  return message && message.doc === doc && message.path === doc.trajectoryOf(areaId) ? message : null;
}

/** The preset still on an area's path exactly as laid, if any. */
export function presetOnPath(doc: EditorDocument, areaId: string | null): MotionPresetKind | null {
  const laid = areaId ? usePresets.getState().laid[areaId] : undefined;
  return laid && doc.trajectoryOf(areaId as string) === laid.path ? laid.kind : null;
}

/** The path a direction would give the selected area's preset, without changing anything (the dial's preview). */
export function previewAim(direction: number): readonly Point[] | null {
  const s = editorState();
  const area = activeArea(s);
  const kind = s.doc && area ? presetOnPath(s.doc, area.id) : null;
  if (!s.doc || !area || !kind) return null;
  const result = lay(s.doc, area, kind, direction);
  return result?.ok ? result.points : null;
}

/** Sets the direction; a preset still as laid on the selected area is laid again that way (one undo step). */
export function aimPresets(direction: number): void {
  const normalised = ((Math.round(direction) % 360) + 360) % 360;
  const s = editorState();
  const area = activeArea(s);
  const kind = s.doc && area ? presetOnPath(s.doc, area.id) : null;
  usePresets.setState({ direction: normalised });
  if (kind) applyPreset(kind);
}
