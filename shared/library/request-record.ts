// `request.json` beside a generation record: the create body exactly as sent, each base64 image replaced by the name
// of its file in the same folder, so a person (or the gallery) can read what went to Kling without megabytes of
// base64, and the exact body can be rebuilt by putting the files back (inlineRecordedBody). The engine writes it
// before every create; records older than it have none, and nothing may depend on its presence.
import { encodeBase64 } from '../kling/base64';
import { copyBody } from '../kling/body-copy';
import type { CreateTaskBody } from '../kling/wire';
import type { GenerationInputs } from './generation';

export const REQUEST_FILE = 'request.json';

/**
 * `body` with its images named by their files. `inputs` is what the body was built from (tasks/request-from-record.ts
 * reads `image` from `inputs.start`, `image_tail` from `inputs.end`, …), so the mapping holds by construction.
 * An image without a file name (none exists today) keeps a short placeholder rather than megabytes of base64.
 */
export function recordedBody(body: CreateTaskBody, inputs: GenerationInputs): CreateTaskBody {
  const name = (file: string | undefined): string => file ?? '<image without a file>';
  const copy = copyBody(body);
  if (copy.image !== undefined) copy.image = name(inputs.start);
  if (copy.image_tail !== undefined) copy.image_tail = name(inputs.end);
  if (copy.static_mask !== undefined) copy.static_mask = name(inputs.staticMask);
  if (copy.dynamic_masks) {
    copy.dynamic_masks = copy.dynamic_masks.map((d, i) => ({ ...d, mask: name(inputs.dynamicMasks?.[i]?.file) }));
  }
  return copy;
}

/** The text of request.json: stable two-space JSON, as a person would read it. */
export function requestFileText(body: CreateTaskBody, inputs: GenerationInputs): string {
  return `${JSON.stringify(recordedBody(body, inputs), null, 2)}\n`;
}

/** The body as sent, from request.json and the folder's files (`read` returns a file's bytes by its name). */
export async function inlineRecordedBody(recorded: CreateTaskBody, read: (file: string) => Promise<Uint8Array>): Promise<CreateTaskBody> {
  const inline = async (file: string) => encodeBase64(await read(file));
  const body = copyBody(recorded);
  if (body.image !== undefined) body.image = await inline(body.image);
  if (body.image_tail !== undefined) body.image_tail = await inline(body.image_tail);
  if (body.static_mask !== undefined) body.static_mask = await inline(body.static_mask);
  if (body.dynamic_masks) {
    body.dynamic_masks = await Promise.all(body.dynamic_masks.map(async (d) => ({ ...d, mask: await inline(d.mask) })));
  }
  return body;
}
