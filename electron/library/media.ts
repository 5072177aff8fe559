// Media of the library reach the renderer only through this responder: a URL names a generation folder and a file
// in it, and nothing outside the library root can be named. The URL scheme differs per host (a custom protocol in
// Electron, a loopback http path in the test host), so the prefix is passed in.
import type { Library } from './library';
import { fileResponse } from '../http/file-response';
import type { GenerationRecord, GenerationView } from '../../shared/library/generation';

export type MediaUrl = (folder: string, file: string, version?: string) => string;

export function mediaUrlWith(prefix: string): MediaUrl {
  return (folder, file, version) =>
    `${prefix}${encodeURIComponent(folder)}/${encodeURIComponent(file)}${version ? `?v=${encodeURIComponent(version)}` : ''}`;
}

/** Answer a media request whose path (after the prefix) is `<folder>/<file>`. */
export async function mediaResponse(library: Library, path: string, request: Request): Promise<Response> {
  let parts: string[];
  try {
    parts = path.replace(/^\/+/, '').split('/').map(decodeURIComponent);
  } catch {
    // A malformed %-escape (URIError) is a bad URL, not a server fault: answer 404 rather than throw to the protocol.
    return new Response('Not found', { status: 404 });
  }
  const file = parts.length === 2 ? library.resolveFile(parts[0] ?? '', parts[1] ?? '') : undefined;
  if (!file) return new Response('Not found', { status: 404 });
  // Canvas capture of a frame (for the poster) needs CORS-clean media in Electron, where the page's origin differs.
  return fileResponse(file, request, { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' });
}

export function toView(record: GenerationRecord, url: MediaUrl): GenerationView {
  const { folder, inputs, result } = record;
  return {
    ...record,
    media: {
      ...(inputs.start ? { start: url(folder, inputs.start) } : {}),
      ...(inputs.end ? { end: url(folder, inputs.end) } : {}),
      ...(result && record.status === 'succeed' ? { result: url(folder, result.file, String(result.bytes)) } : {}),
      ...(result?.poster ? { poster: url(folder, result.poster, record.updatedAt) } : {}),
    },
  };
}
