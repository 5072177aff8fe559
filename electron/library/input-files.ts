// A generation's input images as the files kept in its folder (`start.jpg`, `end.png`, `static_mask.png`,
// `dynamic_mask_1.png` …) and the record's `inputs` naming them: one naming for the app and the command line, the
// reverse of tasks/request-from-record.ts. Extensions follow the bytes, so a JPG mask stays a .jpg.
import { readImageInfo } from '../../shared/kling/image-info';
import type { GenerationInputs } from '../../shared/library/generation';

export interface InputImages {
  startFrame?: Uint8Array;
  endFrame?: Uint8Array;
  staticMask?: Uint8Array;
  dynamicMasks?: readonly { mask: Uint8Array; trajectory: { x: number; y: number }[] }[];
}

const extensionOf = (bytes: Uint8Array) => (readImageInfo(bytes).format === 'png' ? 'png' : 'jpg');

export function inputFiles(images: InputImages): { files: { name: string; bytes: Uint8Array }[]; inputs: GenerationInputs } {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const keep = (base: string, bytes: Uint8Array) => {
    const name = `${base}.${extensionOf(bytes)}`;
    files.push({ name, bytes });
    return name;
  };
  const inputs: GenerationInputs = {};
  if (images.startFrame) inputs.start = keep('start', images.startFrame);
  if (images.endFrame) inputs.end = keep('end', images.endFrame);
  if (images.staticMask) inputs.staticMask = keep('static_mask', images.staticMask);
  if (images.dynamicMasks?.length) {
    inputs.dynamicMasks = images.dynamicMasks.map((d, i) => ({ file: keep(`dynamic_mask_${i + 1}`, d.mask), trajectory: d.trajectory }));
  }
  return { files, inputs };
}
