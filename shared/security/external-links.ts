// The only places the app sends a person to outside itself: Kling's documentation and developer console, over https.
// Main checks every link against this list before handing it to the system browser (the window-open handler, a
// navigation attempt, the `app:openLink` bridge call); the renderer uses it to draw such links. Anything else —
// another host, http:, file:, a custom scheme, a URL with a user name — is refused.

/** Exact host names (no wildcard: a look-alike subdomain must not pass). */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  // Kling's developer centre: API keys, the API documentation, usage and billing.
  'app.klingai.com',
  'klingai.com',
  'www.klingai.com',
  // Kling's earlier API documentation is published on Qingque docs.
  'docs.qingque.cn',
];

/** The links the UI offers. */
export const KLING_LINKS = {
  console: 'https://app.klingai.com/global/dev',
  docs: 'https://app.klingai.com/global/dev/document-api',
} as const;

const MAX_URL_LENGTH = 2048;

/** The URL as it should be opened (normalised by the WHATWG parser), or undefined when it is not allowed. */
export function allowedExternalUrl(candidate: unknown): string | undefined {
  if (typeof candidate !== 'string' || candidate.length > MAX_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  return EXTERNAL_LINK_HOSTS.includes(url.hostname) ? url.href : undefined;
}
