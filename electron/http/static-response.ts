import { resolve, sep } from 'node:path';
import { fileResponse } from './file-response';

const notFound = (): Promise<Response> => Promise.resolve(new Response('Not found', { status: 404 }));

/** Serve the built renderer from `root`; a path that tries to leave it is not found. */
export function staticResponse(root: string, pathname: string, request: Request, headers: Record<string, string>): Promise<Response> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed %-escape (URIError) is a bad URL, not a server fault: answer 404 rather than throw to the protocol
    // handler (as library/media.ts does).
    return notFound();
  }
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const path = resolve(base, relative);
  if (!path.startsWith(base + sep)) return notFound();
  return fileResponse(path, request, headers);
}
