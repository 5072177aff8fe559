// The renderer's Content-Security-Policy: scripts only from the app itself, media only from the app and the library's
// media origin, no network beyond. Sent as a header by whatever serves the renderer (Electron's app:// protocol or
// the test host), so both run the renderer under the same policy.
export function contentSecurityPolicy(mediaOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${mediaOrigin}`,
    `media-src 'self' blob: ${mediaOrigin}`,
    `connect-src 'self' ${mediaOrigin}`,
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
