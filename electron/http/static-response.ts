import { resolve, sep } from 'node:path';
import { fileResponse } from './file-response';

/** Serve the built renderer from `root`; a path that tries to leave it is not found. */
export function staticResponse(root: string, pathname: string, request: Request, headers: Record<string, string>): Promise<Response> {
  const base = resolve(root);
  const relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const path = resolve(base, relative);
  if (!path.startsWith(base + sep)) return Promise.resolve(new Response('Not found', { status: 404 }));
  return fileResponse(path, request, headers);
}
