// The painting surface: the start frame, the tinted mask overlay, the paths and the brush cursor, in react-konva.
// Konva handlers only translate pointer events into image pixels and hand them to the active tool (tools/), or pan.
import Konva from 'konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Circle, Group, Image as KonvaImage, Layer, Line, Rect, Shape, Stage } from 'react-konva';
import type { Point } from '../../../shared/editor/geometry';
import { useComposer } from '../../store/composer';
import { useView } from '../../store/view';
import type { EditorDocument } from '../model/document';
import { pointAtTime } from '../../../shared/editor/path-speed';
import { buildSprites } from '../preview/motion-preview';
import { useCameraPreview } from '../preview/camera-preview';
import { activeArea, useEditor, type ToolPreview } from '../store';
import { prepareSelectionFrame } from '../selection/engine';
import { setSelectionFrame } from '../selection/frame-pixels';
import { selectionBusy, useSelectionUi } from '../selection/selection-store';
import { tool, toolContext } from '../tools/tools';
import { OverlaySurface, paletteFor } from './overlay-surface';
import { imageSamples, localPoint, measureSince } from './pointer-input';
import { TrajectoryShapes } from './TrajectoryShapes';
import { fitView, PIXELATED_FROM_SCALE, toImage, zoomAt } from './viewport';
import { turnOn } from '../../composer/feature-switch';

interface Props {
  doc: EditorDocument;
  image: HTMLImageElement | null;
}

const PAINT_TOOLS = new Set(['brush', 'eraser']);

function isTypingTarget(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(t.tagName));
}

export function EditorCanvas({ doc, image }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const imageLayer = useRef<Konva.Layer>(null);
  const overlayLayer = useRef<Konva.Layer>(null);
  const uiLayer = useRef<Konva.Layer>(null);
  const cursor = useRef<Konva.Circle>(null);
  const previewGroup = useRef<Konva.Group>(null);
  const box = useRef<DOMRect | null>(null);
  const pan = useRef<{ from: Point; view: { x: number; y: number } } | null>(null);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [panning, setPanning] = useState(false);

  const view = useEditor((s) => s.view);
  const stageSize = useEditor((s) => s.stageSize);
  const fitted = useEditor((s) => s.fitted);
  const toolId = useEditor((s) => s.tool);
  const brushSize = useEditor((s) => s.brushSize);
  const preview = useEditor((s) => s.preview);
  const activeAreaId = useEditor((s) => s.activeAreaId);
  const selectedPoint = useEditor((s) => s.selectedPoint);
  const playing = useEditor((s) => s.playing);
  const busy = useSelectionUi((s) => selectionBusy(s, toolId));
  useEditor((s) => s.version); // re-render on document changes
  const duration = useComposer((s) => s.duration);
  const camera = useComposer((s) => s.camera);
  // Play also previews a Simple camera move on the start frame.
  useCameraPreview(imageLayer, camera.type === 'simple' ? camera : undefined, playing, doc.start, Number(duration));

  const hiddenAreas = useEditor((e) => e.hiddenAreas);
  const palette = paletteFor(doc.areas, activeAreaId, hiddenAreas);

  // The selection tools read the photo shown here, from its file's bytes (the start frame this image shows).
  const frameBytes = useComposer((s) => (image && s.startFrame?.url === image.src ? s.startFrame.bytes : null));
  useEffect(() => {
    setSelectionFrame(image && frameBytes ? { image, bytes: frameBytes } : null, doc);
    return () => setSelectionFrame(null, null);
  }, [image, frameBytes, doc]);
  // A selection tool chosen: the photo goes to the selection worker now (again when a cancel ended the worker and
  // the photo with it), so the first box or click does not wait for it.
  const selecting = toolId === 'select-object' || toolId === 'magic-wand';
  const photoDrops = useSelectionUi((s) => s.photoDrops);
  useEffect(() => {
    if (image && frameBytes && selecting) prepareSelectionFrame(doc);
  }, [image, frameBytes, doc, selecting, photoDrops]);

  // The overlay, one per document, drawn by the overlay layer (see overlay-surface.ts): a tint change redraws the
  // layer; pixel changes are put into the layer's canvas by the surface itself.
  const overlay = useRef<OverlaySurface | null>(null);
  useEffect(() => {
    const surface = new OverlaySurface(doc.labels, new Uint32Array(256), () => overlayLayer.current?.batchDraw());
    overlay.current = surface;
    return () => {
      surface.dispose();
      if (overlay.current === surface) overlay.current = null;
    };
  }, [doc.labels]);
  useEffect(() => overlay.current?.setPalette(palette));
  useEffect(() => overlay.current?.setHidden(playing), [playing]);
  const drawOverlay = useCallback((ctx: Konva.Context, shape: Konva.Shape) => {
    const surface = overlay.current;
    const layer = shape.getLayer();
    const stage = shape.getStage();
    // Only into the layer's own canvas (not an export of the stage): the surface keeps putting pixels there.
    if (!surface || !layer || !stage || ctx._context.canvas !== layer.getNativeCanvasElement()) return;
    const ratio = layer.getCanvas().getPixelRatio();
    surface.draw(ctx._context, { scale: stage.scaleX() * ratio, x: stage.x() * ratio, y: stage.y() * ratio });
  }, []);

  // Stage size follows the container; a fitted view stays fitted.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const size = { width: el.clientWidth, height: el.clientHeight };
      const s = useEditor.getState();
      useEditor.setState({ stageSize: size, ...(s.fitted && s.doc ? { view: fitView(s.doc.start, size) } : {}) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (fitted && stageSize.width > 0) useEditor.setState({ view: fitView(doc.start, stageSize) });
  }, [doc, fitted, stageSize]);

  // Space held = pan (when not typing or on a button, where space means "press").
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      // Only in the Create view: in Settings or the Library, Space scrolls the page or presses what has the focus.
      if (e.key !== ' ' || e.repeat || isTypingTarget(e.target) || document.querySelector('dialog[open]') || useView.getState().view !== 'create') return;
      e.preventDefault();
      setSpaceHeld(true);
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') setSpaceHeld(false);
    };
    const blur = () => setSpaceHeld(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, []);

  // Motion preview: sprites slide along their paths, looping over the clip's duration.
  useEffect(() => {
    const group = previewGroup.current;
    if (!playing || !image || !group) return;
    const sprites = buildSprites(doc, image);
    const nodes = sprites.map((s) => {
      const node = new Konva.Image({ image: s.canvas, x: s.x, y: s.y, listening: false });
      group.add(node);
      return node;
    });
    const periodMs = Number(duration) * 1000;
    const started = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const t = ((now - started) % periodMs) / periodMs;
      sprites.forEach((s, i) => {
        const start = s.path[0] ?? { x: 0, y: 0 };
        const at = pointAtTime(s.path, t);
        nodes[i]?.position({ x: s.x + at.x - start.x, y: s.y + at.y - start.y });
      });
      group.getLayer()?.batchDraw();
      frame = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(frame);
      for (const n of nodes) n.destroy();
      group.getLayer()?.batchDraw();
    };
  }, [playing, image, doc, duration]);

  const moveCursor = (screen: Point | null) => {
    const c = cursor.current;
    if (!c) return;
    if (screen) {
      const p = toImage(useEditor.getState().view, screen);
      c.position(p);
      c.visible(true);
    } else c.visible(false);
    uiLayer.current?.batchDraw();
  };

  const onPointerDown = (e: KonvaEventObject<PointerEvent>) => {
    const evt = e.evt;
    const el = container.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    box.current = el.getBoundingClientRect();
    const target = evt.target instanceof Element ? evt.target : null;
    const s = useEditor.getState();
    if (evt.button === 1 || (evt.button === 0 && spaceHeld)) {
      evt.preventDefault();
      target?.setPointerCapture(evt.pointerId);
      pan.current = { from: localPoint(evt, box.current), view: { x: s.view.x, y: s.view.y } };
      setPanning(true);
      return;
    }
    if (evt.button !== 0) return;
    if (s.playing) useEditor.setState({ playing: false });
    const ctx = toolContext({ shift: evt.shiftKey, alt: evt.altKey });
    if (!ctx) return;
    const t = tool();
    // A press that paints turns the motion brush on; while an end frame or a camera move is in use, that asks first
    // and this press paints nothing (after a yes, the next one does). One that paints nothing (no area to paint, the
    // eraser, the path tool) asks nothing: the tool has its say (e.g. "Select an area first").
    if (t.paints && ctx.area && !turnOn('motionBrush')) return;
    target?.setPointerCapture(evt.pointerId);
    t.down(toImage(s.view, localPoint(evt, box.current)), ctx);
  };

  const onPointerMove = (e: KonvaEventObject<PointerEvent>) => {
    const started = performance.now();
    const evt = e.evt;
    const el = container.current;
    if (!el) return;
    const rect = box.current ?? el.getBoundingClientRect();
    const screen = localPoint(evt, rect);
    const s = useEditor.getState();
    const drag = pan.current;
    if (drag) {
      useEditor.setState({
        view: { scale: s.view.scale, x: drag.view.x + screen.x - drag.from.x, y: drag.view.y + screen.y - drag.from.y },
        fitted: false,
      });
      return;
    }
    moveCursor(screen);
    const t = tool();
    if (t.active) {
      const ctx = toolContext();
      if (ctx) t.move(imageSamples(evt, rect, s.view), ctx);
    }
    measureSince('editor.pointermove', started);
  };

  const onPointerUp = (e: KonvaEventObject<PointerEvent>) => {
    const evt = e.evt;
    if (pan.current) {
      pan.current = null;
      setPanning(false);
      return;
    }
    const t = tool();
    const el = container.current;
    if (!t.active || !el) return;
    const ctx = toolContext({ shift: evt.shiftKey, alt: evt.altKey });
    const rect = box.current ?? el.getBoundingClientRect();
    if (ctx) t.up(toImage(useEditor.getState().view, localPoint(evt, rect)), ctx);
  };

  const onWheel = (e: KonvaEventObject<WheelEvent>) => {
    const evt = e.evt;
    evt.preventDefault();
    const el = container.current;
    if (!el) return;
    const s = useEditor.getState();
    const factor = Math.exp(-evt.deltaY * (evt.deltaMode === 1 ? 0.05 : 0.0015));
    const anchor = localPoint(evt, el.getBoundingClientRect());
    useEditor.setState({ view: zoomAt(s.view, s.view.scale * factor, anchor), fitted: false });
  };

  const onDblClick = () => {
    const ctx = toolContext();
    if (ctx && useEditor.getState().tool === 'trajectory') tool('trajectory').finish?.(ctx);
  };

  const area = activeArea();
  const painting = PAINT_TOOLS.has(toolId);
  const pixelated = view.scale >= PIXELATED_FROM_SCALE;
  const movingPoints = preview?.kind === 'move-point' ? preview : null;
  const cursorStyle = panning ? 'grabbing' : spaceHeld ? 'grab' : painting ? 'none' : 'crosshair';
  const label = `Motion brush canvas, ${doc.start.width} × ${doc.start.height} pixels, zoom ${Math.round(view.scale * 100)} %. ${
    area ? `Painting ${area.name}.` : 'No area selected.'
  }`;

  return (
    <div
      ref={container}
      className="editor-canvas"
      role="application"
      aria-label={label}
      aria-roledescription="canvas"
      // A selection is on its way (or the object select's engine is loading): the pixels are about to change.
      aria-busy={busy}
      tabIndex={0}
      style={{ cursor: cursorStyle }}
      // The view transform, for whoever needs image ↔ screen positions (page objects, accessibility tools).
      data-scale={view.scale}
      data-x={view.x}
      data-y={view.y}
      onPointerLeave={() => moveCursor(null)}
      // The browser's own double-click (Konva's dblclick fires for any two quick clicks, wherever they are).
      onDoubleClick={onDblClick}
      onContextMenu={(e) => e.preventDefault()}
    >
      {stageSize.width > 0 && (
        <Stage
          width={stageSize.width}
          height={stageSize.height}
          scaleX={view.scale}
          scaleY={view.scale}
          x={view.x}
          y={view.y}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            pan.current = null;
            setPanning(false);
          }}
          onWheel={onWheel}
        >
          <Layer ref={imageLayer} listening={false} imageSmoothingEnabled={!pixelated}>
            <Rect width={doc.start.width} height={doc.start.height} fill="#0b0d11" />
            {image && <KonvaImage image={image} width={doc.start.width} height={doc.start.height} />}
          </Layer>
          <Layer ref={overlayLayer} listening={false} imageSmoothingEnabled={false}>
            <Shape sceneFunc={drawOverlay} listening={false} visible={!playing} />
            <Group ref={previewGroup} />
          </Layer>
          <Layer ref={uiLayer} listening={false}>
            {!playing &&
              doc.dynamicAreas.map((a) => {
                const points = movingPoints?.areaId === a.id ? movingPoints.points : doc.trajectoryOf(a.id);
                if (!points || hiddenAreas.has(a.id)) return null;
                const active = a.id === activeAreaId;
                return (
                  <TrajectoryShapes
                    key={a.id}
                    points={points}
                    colour={a.colour}
                    scale={view.scale}
                    active={active}
                    showPoints={active || toolId === 'trajectory'}
                    selectedIndex={selectedPoint?.areaId === a.id ? selectedPoint.index : null}
                    timing={movingPoints?.areaId !== a.id && doc.speedOf(a.id) !== 'steady' ? doc.sentTrajectoryOf(a.id) : null}
                  />
                );
              })}
            {preview && <PreviewShape preview={preview} scale={view.scale} colour={area?.colour ?? '#ffffff'} />}
            <Circle
              ref={cursor}
              radius={brushSize / 2}
              visible={false}
              stroke="white"
              strokeWidth={1.5}
              shadowColor="black"
              shadowBlur={2}
              strokeScaleEnabled={false}
              opacity={painting ? 1 : 0}
            />
          </Layer>
        </Stage>
      )}
    </div>
  );
}

function PreviewShape({ preview, scale, colour }: { preview: ToolPreview; scale: number; colour: string }) {
  const dash = [6 / scale, 4 / scale];
  switch (preview.kind) {
    case 'rect':
      return (
        <Rect
          x={Math.min(preview.from.x, preview.to.x)}
          y={Math.min(preview.from.y, preview.to.y)}
          width={Math.abs(preview.to.x - preview.from.x)}
          height={Math.abs(preview.to.y - preview.from.y)}
          stroke="white"
          dash={dash}
          strokeWidth={1.5}
          strokeScaleEnabled={false}
          fill={`${colour}55`}
        />
      );
    case 'lasso':
      return (
        <Line points={preview.points.flatMap((p) => [p.x, p.y])} closed stroke="white" dash={dash} strokeWidth={1.5} strokeScaleEnabled={false} fill={`${colour}55`} />
      );
    case 'path':
      return <Line points={preview.points.flatMap((p) => [p.x, p.y])} stroke={colour} strokeWidth={2} strokeScaleEnabled={false} dash={dash} />;
    case 'clicks':
      return (
        <Group>
          <Line points={preview.points.flatMap((p) => [p.x, p.y])} stroke={colour} strokeWidth={2} strokeScaleEnabled={false} dash={dash} />
          {preview.points.map((p, i) => (
            <Circle key={i} x={p.x} y={p.y} radius={4 / scale} fill={colour} stroke="white" strokeWidth={1} strokeScaleEnabled={false} />
          ))}
        </Group>
      );
    default:
      return null;
  }
}
