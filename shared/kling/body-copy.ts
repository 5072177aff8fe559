import type { CreateTaskBody } from './wire';

/**
 * A copy of a create body whose containers are new and whose strings are shared: strings are immutable, so a
 * summary or a renaming of the images never clones megabytes of base64.
 */
export function copyBody(body: CreateTaskBody): CreateTaskBody {
  const copy: CreateTaskBody = { ...body };
  if (body.camera_control) {
    copy.camera_control = { ...body.camera_control };
    if (body.camera_control.config) copy.camera_control.config = { ...body.camera_control.config };
  }
  if (body.voice_list) copy.voice_list = body.voice_list.map((v) => ({ ...v }));
  if (body.dynamic_masks) {
    copy.dynamic_masks = body.dynamic_masks.map((d) => ({ mask: d.mask, trajectories: d.trajectories.map((p) => ({ ...p })) }));
  }
  return copy;
}
