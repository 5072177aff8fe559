// View state of the frame slots that is not part of what is being composed: the crop dialog's request and the frame
// last removed (so Remove can be undone until the editor's history takes over undo).
import { create } from 'zustand';
import type { FrameSlotName } from '../../store/composer';
import type { Rect } from './crop-math';

export interface CropRequest {
  fileName: string;
  /** The original file; shown in the dialog and re-decoded on apply. */
  bytes: Uint8Array;
  /** Upright pixel size (EXIF orientation applied), the crop's coordinate space. */
  width: number;
  height: number;
  /** What the apply button's result will be, e.g. "JPEG". */
  outputName: string;
  apply(rect: Rect): Promise<void>;
}

export interface RemovedFrame {
  slot: FrameSlotName;
  fileName: string;
  bytes: Uint8Array;
}

interface FramesUiState {
  crop?: CropRequest;
  removed?: RemovedFrame;
  openCrop(request: CropRequest): void;
  closeCrop(): void;
  setRemoved(removed: RemovedFrame | undefined): void;
}

export const useFramesUi = create<FramesUiState>((set) => ({
  openCrop: (crop) => set({ crop }),
  closeCrop: () => set({ crop: undefined }),
  setRemoved: (removed) => set({ removed }),
}));
