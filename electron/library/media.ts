// Media of the library reach the renderer only through this responder: a URL names a generation folder and a file
// in it, and nothing outside the library root can be named. The URL scheme differs per host (a custom protocol in
// Electron, a loopback http path in the test host), so the prefix is passed in.
import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Library } from './library';
import { fileResponse } from '../http/file-response';
import type { GenerationRecord, GenerationView } from '../../shared/library/generation';

export type MediaUrl = (folder: string, file: string, version?: string) => string;

export function mediaUrlWith(prefix: string): MediaUrl {
  return (folder, file, version) =>
    `${prefix}${encodeURIComponent(folder)}/${encodeURIComponent(file)}${version ? `?v=${encodeURIComponent(version)}` : ''}`;
}

/**
 * The only files of a generation folder the renderer may load: frames, masks, the clip and its poster. Everything else
 * there (generation.json with the task's ids and the provider's URLs, `*.tmp-*` and `.part` files being written)
 * stays main's business. Kept here rather than in `Library.resolveFile`, which names any file of a folder.
 * Masks may be JPG as well: the CLI keeps a JPG mask under its own extension (cli/generate-input.ts).
 */
const SERVABLE_MEDIA = /^(?:(?:start|end|static_mask|dynamic_mask_[1-6])\.(?:png|jpg)|result\.mp4|poster\.jpg)$/;

export const isServableMedia = (file: string): boolean => SERVABLE_MEDIA.test(file);

/** Answer a media request whose path (after the prefix) is `<folder>/<file>`. */
export async function mediaResponse(library: Library, path: string, request: Request): Promise<Response> {
  let parts: string[];
  try {
    parts = path.replace(/^\/+/, '').split('/').map(decodeURIComponent);
  } catch {
    // A malformed %-escape (URIError) is a bad URL, not a server fault: answer 404 rather than throw to the protocol.
    return new Response('Not found', { status: 404 });
  }
  const [folder = '', name = ''] = parts;
  const file = parts.length === 2 && isServableMedia(name) ? library.resolveFile(folder, name) : undefined;
  if (!file || !(await staysInside(library.root, file))) return new Response('Not found', { status: 404 });
  // Canvas capture of a frame (for the poster) needs CORS-clean media in Electron, where the page's origin differs.
  return fileResponse(file, request, { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' });
}

/**
 * Whether the file, with every symbolic link on its way followed, is still inside the library: a link planted in a
 * generation folder (`start.png -> ~/.ssh/id_rsa`), or a generation folder that is itself a link, must not serve what
 * it points at. The root is resolved too, so a library that lives behind a link (a moved data folder) still works.
 */
async function staysInside(root: string, file: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return realFile.startsWith(realRoot + sep);
  } catch {
    return false;
  }
}

export function toView(record: GenerationRecord, url: MediaUrl): GenerationView {
  const { folder, inputs, result } = record;
  // The account fingerprint is main's business (which credential may finish the task); the window learns nothing of it.
  const { account: _account, ...provider } = record.provider;
  return {
    ...record,
    provider,
    media: {
      ...(inputs.start ? { start: url(folder, inputs.start) } : {}),
      ...(inputs.end ? { end: url(folder, inputs.end) } : {}),
      ...(result && record.status === 'succeed' ? { result: url(folder, result.file, String(result.bytes)) } : {}),
      ...(result?.poster ? { poster: url(folder, result.poster, record.updatedAt) } : {}),
    },
  };
}
