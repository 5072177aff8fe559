// Which slot a DOM node belongs to: slots carry `data-frame-slot`, so a drop, a paste or a focus can be routed to the
// slot it happened in without the window-level handlers knowing the slot components.
import type { FrameSlotName } from '../../store/composer';

/** The MIME type of a thumbnail dragged from one slot to the other (never `Files`, so the window drop ignores it). */
export const FRAME_DRAG_TYPE = 'application/x-kling-studio-frame';

export function frameSlotAt(target: EventTarget | null): FrameSlotName | undefined {
  const el = target instanceof Element ? target.closest<HTMLElement>('[data-frame-slot]') : null;
  const slot = el?.dataset.frameSlot;
  return slot === 'start' || slot === 'end' ? slot : undefined;
}
