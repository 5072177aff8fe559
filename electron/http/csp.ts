// The renderer's Content-Security-Policy: scripts only from the app itself, media only from the app and the library's
// media origin, no network beyond, no frames, no plugins, no forms. Sent as a header by whatever serves the renderer
// (Electron's app:// protocol or the test host), so both run the renderer under the same policy; the same policy sits
// in renderer/index.html as a <meta> too, so it holds wherever the page is loaded from and scanners can read it.

type Directives = [name: string, sources: string][];

function directives(mediaOrigin: string): Directives {
  return [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', `'self' data: blob: ${mediaOrigin}`],
    ['media-src', `'self' blob: ${mediaOrigin}`],
    ['connect-src', `'self' ${mediaOrigin}`],
    ['font-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['object-src', "'none'"],
  ];
}

const join = (list: Directives) => list.map(([name, sources]) => `${name} ${sources}`).join('; ');

/** The policy as a response header. */
export function contentSecurityPolicy(mediaOrigin: string): string {
  return join(directives(mediaOrigin));
}

/** The policy as renderer/index.html carries it: a <meta> cannot hold frame-ancestors (browsers ignore it there). */
export function metaContentSecurityPolicy(mediaOrigin: string): string {
  return join(directives(mediaOrigin).filter(([name]) => name !== 'frame-ancestors'));
}

/** A policy as directive → sources, for tests and checks. */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name.toLowerCase(), sources);
  }
  return parsed;
}

/** Where the build puts the Web Workers (vite.config.ts, `worker.rolldownOptions.output`). */
export const WORKERS_PATH = '/workers/';

/**
 * The policy of the renderer's Web Workers. A dedicated worker runs under the policy delivered with ITS script
 * (CSP 3, "initialize a worker's policy container"; Chromium does so, and ignores the page's policy there), so the
 * page keeps the strict policy above. The selection worker runs OpenCV compiled to WebAssembly
 * (@techstark/opencv-js, for the object select):
 * - 'wasm-unsafe-eval' lets it compile that WebAssembly (the module is inside the script, not fetched);
 * - 'unsafe-eval': OpenCV's Emscripten glue (embind) builds its function wrappers with `new Function` when it starts,
 *   and fails without it (every published build of the package does).
 * Both only for the worker: it has no DOM, no `window.studio` bridge and (default-src 'none') no network, so code
 * made there can reach nothing but the pixels it is given and the page's postMessage handler.
 */
export function workerContentSecurityPolicy(): string {
  return join([
    ['default-src', "'none'"],
    ['script-src', "'self' 'wasm-unsafe-eval' 'unsafe-eval'"],
    ['base-uri', "'none'"],
  ]);
}

/** The header for a file of the built renderer at `pathname`: the workers' policy for workers, else the page's. */
export function contentSecurityPolicyFor(pathname: string, mediaOrigin: string): string {
  return pathname.startsWith(WORKERS_PATH) ? workerContentSecurityPolicy() : contentSecurityPolicy(mediaOrigin);
}
