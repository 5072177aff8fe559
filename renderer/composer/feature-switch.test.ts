import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COMPOSER_SETTINGS } from '../../shared/composer/composer-settings';
import { encodePng } from '../../shared/kling/test-images';
import { EditorDocument } from '../editor/model/document';
import { useEditor } from '../editor/store';
import { useComposer } from '../store/composer';
import { useView } from '../store/view';
import { frameStepName, redoFrames, undoFrames, useFrameHistory } from './frames/frame-history';
import { cancelSwitch, confirmSwitch, currentFeature, turnOn, useFeatureSwitch } from './feature-switch';
import { composedRequest } from './generate';
import type { Frame } from './load-frame';

const W = 400;
const H = 300;
const png = encodePng({ width: W, height: H });
const frame = (name: string): Frame => ({ fileName: name, bytes: png.slice(), url: `blob:${name}`, width: W, height: H });
const simple = { type: 'simple', axis: 'pan', amount: 4 } as const;

function paintedDocument(): EditorDocument {
  const doc = new EditorDocument({ start: { width: W, height: H, source: 'start.png' } });
  const still = doc.addArea('static');
  const moving = doc.addArea('dynamic');
  doc.labels.fillRect({ x: 0, y: 0, width: 50, height: 50 }, still.label);
  doc.labels.fillRect({ x: 100, y: 100, width: 50, height: 50 }, moving.label);
  doc.setTrajectory(moving.id, [
    { x: 120, y: 120 },
    { x: 200, y: 150 },
  ]);
  return doc;
}

const composer = () => useComposer.getState();
const undo = () => undoFrames(composer(), composer().restoreFrames);
const redo = () => redoFrames(composer(), composer().restoreFrames);
const sent = () => {
  const r = composedRequest();
  return { end: r?.endFrame !== undefined, brush: (r?.dynamicMasks?.length ?? 0) > 0, camera: r?.camera };
};

beforeEach(() => {
  useComposer.setState({ ...structuredClone(DEFAULT_COMPOSER_SETTINGS), startFrame: frame('start.png'), endFrame: undefined });
  useFrameHistory.setState({ past: [], future: [] });
  useFeatureSwitch.setState({ pending: undefined });
  useEditor.setState({ doc: paintedDocument() });
});

describe('switching between end frame, motion brush and camera control', () => {
  it('sends only the feature in use; with none chosen, the painted areas', () => {
    useComposer.setState({ endFrame: undefined, camera: { ...simple } });
    useComposer.setState({ feature: 'motionBrush' });
    expect(sent()).toEqual({ end: false, brush: true, camera: undefined });
    useComposer.setState({ feature: 'camera' });
    expect(sent()).toEqual({ end: false, brush: false, camera: { type: 'simple', config: { pan: 4 } } });
    useComposer.setState({ feature: null });
    expect(currentFeature()).toBe('motionBrush');
  });

  it('asks before leaving work behind; cancel keeps everything as it was', () => {
    useView.getState().show('library'); // an end frame can be opened from the Library by its shortcut
    let made = 0;
    expect(turnOn('camera', { plain: () => made++ })).toBe(false);
    expect(useFeatureSwitch.getState().pending).toMatchObject({ to: 'camera', from: 'motionBrush', work: { areas: 2, paths: 1 } });
    expect(useView.getState().view).toBe('create'); // where the question is shown
    cancelSwitch();
    expect(made).toBe(0);
    expect(useFeatureSwitch.getState().pending).toBeUndefined();
    expect(currentFeature()).toBe('motionBrush');
    expect(useFrameHistory.getState().past).toHaveLength(0);
  });

  it('switches on yes, keeps the work left, and gives it back on the way back', () => {
    turnOn('camera', { plain: () => composer().update({ camera: { ...simple } }) });
    confirmSwitch();
    expect(composer().feature).toBe('camera');
    expect(sent()).toEqual({ end: false, brush: false, camera: { type: 'simple', config: { pan: 4 } } });

    const end = frame('end.png');
    turnOn('endFrame', { plain: () => composer().setEndFrame(end), raw: () => composer().restoreFrames(composer().startFrame, end) });
    expect(useFeatureSwitch.getState().pending?.from).toBe('camera');
    confirmSwitch();
    expect(sent()).toEqual({ end: true, brush: false, camera: undefined });

    turnOn('motionBrush');
    confirmSwitch();
    expect(sent()).toEqual({ end: false, brush: true, camera: undefined });
    turnOn('camera');
    confirmSwitch();
    expect(composer().camera).toEqual(simple);
    expect(sent().camera).toEqual({ type: 'simple', config: { pan: 4 } });
    expect(composer().endFrame?.fileName).toBe('end.png');
  });

  it('undoes a switch as one step: the feature, its camera and the end frame it brought', () => {
    useComposer.setState({ feature: 'camera', camera: { ...simple } });
    const end = frame('end.png');
    turnOn('endFrame', { plain: () => composer().setEndFrame(end), raw: () => composer().restoreFrames(composer().startFrame, end) });
    confirmSwitch();
    expect(useFrameHistory.getState().past).toHaveLength(1);
    expect(composer().feature).toBe('endFrame');
    expect(frameStepName(useFrameHistory.getState(), 'past')).toBe('switch to end frame');

    undo();
    expect(frameStepName(useFrameHistory.getState(), 'future')).toBe('switch to end frame');
    expect(composer().feature).toBe('camera');
    expect(composer().endFrame).toBeUndefined();
    expect(sent().camera).toEqual({ type: 'simple', config: { pan: 4 } });

    redo();
    expect(composer().feature).toBe('endFrame');
    expect(composer().endFrame?.fileName).toBe('end.png');
  });

  it('undoing a switch made by choosing a movement gives back its type only, never the camera settings made since', () => {
    useComposer.setState({ feature: 'motionBrush' });
    turnOn('camera', { plain: () => composer().update({ camera: { ...composer().camera, type: 'simple' } }) });
    confirmSwitch();
    composer().update({ camera: { type: 'simple', axis: 'pan', amount: -3.5 } }); // not an undo step of its own
    undo();
    expect(composer().feature).toBe('motionBrush');
    expect(composer().camera).toEqual({ type: 'none', axis: 'pan', amount: -3.5 });
    redo();
    expect(composer().camera).toEqual({ type: 'simple', axis: 'pan', amount: -3.5 });
    undo();
    composer().setStartFrame(frame('other.png')); // clears the redo stack: the settings are not in it
    expect(useFrameHistory.getState().future).toHaveLength(0);
    expect(composer().camera).toEqual({ type: 'none', axis: 'pan', amount: -3.5 });
  });

  it('undoing a switch that left the movement alone leaves the whole camera as it is', () => {
    useComposer.setState({ feature: 'motionBrush', camera: { ...simple } }); // a movement kept, not sent
    turnOn('camera');
    confirmSwitch();
    composer().update({ camera: { type: 'down_back', axis: 'tilt', amount: 2 } });
    undo();
    expect(composer().feature).toBe('motionBrush');
    expect(composer().camera).toEqual({ type: 'down_back', axis: 'tilt', amount: 2 });
  });

  it('a frame change undone leaves the feature and the camera as they are', () => {
    useComposer.setState({ feature: 'camera', camera: { ...simple } });
    composer().setStartFrame(frame('other.png'));
    composer().update({ camera: { ...simple, amount: 7 } });
    undo();
    expect(composer().startFrame?.fileName).toBe('start.png');
    expect(composer().camera.amount).toBe(7);
  });

  it('switches at once, without asking, when the feature in use holds nothing', () => {
    useEditor.setState({ doc: null });
    let made = 0;
    expect(turnOn('camera', { plain: () => made++ })).toBe(true);
    expect(made).toBe(1);
    expect(composer().feature).toBe('camera');
    expect(useFeatureSwitch.getState().pending).toBeUndefined();
  });
});
