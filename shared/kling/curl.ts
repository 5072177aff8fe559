// "Copy as curl": a shell command that sends the same create body to the same endpoint, with the credential left to
// the environment ($KLING_API_KEY), so the command can be pasted into a chat or a bug report without a secret in it.
// Images are either inlined in the body or read from files written next to the command; either way the bytes that
// reach Kling are the ones the app would send.
import type { CreateTaskBody } from './wire';
import { imagePaths, setImage } from './request-preview';

export type CurlAuth = 'api-key' | 'access-key' | 'token' | 'sandbox';

export interface CurlOptions {
  endpoint: string;
  auth: CurlAuth;
  /** Image path (`image`, `dynamic_masks.0.mask`, …) → file holding its bytes; images not named here are inlined. */
  files?: Readonly<Record<string, string>>;
}

/** POSIX shell single quotes: everything literal; a quote itself is closed, escaped and reopened. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

// Signs the JWT Kling's access-key accounts need (kling-api.md, "Authentication") from two environment variables.
const SIGN_JWT =
  'const c=require("crypto"),e=o=>Buffer.from(JSON.stringify(o)).toString("base64url"),t=Math.floor(Date.now()/1000),' +
  'h=e({alg:"HS256",typ:"JWT"})+"."+e({iss:process.env.KLING_ACCESS_KEY,exp:t+1800,nbf:t-5});' +
  'console.log(h+"."+c.createHmac("sha256",process.env.KLING_SECRET_KEY).update(h).digest("base64url"))';

const AUTH_NOTES: Record<CurlAuth, string[]> = {
  'api-key': ['# Put your Kling API key in KLING_API_KEY first; this command holds no key.'],
  token: ['# Put your gateway token in KLING_API_KEY first; this command holds no token.'],
  'access-key': [
    '# This profile signs a JWT with its access key and secret key (HS256; iss = access key, exp = now + 1800 s,',
    '# nbf = now - 5 s) and sends it as the Bearer token; this command holds neither key. Sign one into',
    '# KLING_API_KEY first, e.g. with Node.js (the token lasts 30 minutes):',
    '#   export KLING_ACCESS_KEY=... KLING_SECRET_KEY=...',
    `#   export KLING_API_KEY="$(node -e '${SIGN_JWT}')"`,
  ],
  sandbox: [
    "# The Sandbox is the app's offline simulator: it runs only while the app is open, with a key the app makes at",
    '# each start. With a real profile this command goes to Kling; put that key in KLING_API_KEY.',
  ],
};

function curlLines(endpoint: string): string[] {
  return [
    `curl -sS -X POST ${shellQuote(endpoint)} \\`,
    '  -H "Authorization: Bearer $KLING_API_KEY" \\',
    "  -H 'Content-Type: application/json' \\",
  ];
}

/** The command, ending in a newline. `body` carries its images in full (base64), as the engine builds it. */
export function curlCommand(body: CreateTaskBody, options: CurlOptions): string {
  const head = [`# Kling image-to-video: create a task (POST ${options.endpoint}).`, ...AUTH_NOTES[options.auth]];
  const files = options.files ?? {};
  const fromFiles = imagePaths(body).filter((i) => files[i.path] !== undefined);
  if (fromFiles.length === 0) {
    // A quoted here-document: nothing in the body is expanded by the shell, and no argument-length limit applies
    // (images make bodies of megabytes). JSON.stringify never writes a raw line break, so the end marker is safe.
    return [...head, ...curlLines(options.endpoint), "  --data-binary @- <<'KLING_REQUEST_BODY'", JSON.stringify(body), 'KLING_REQUEST_BODY', ''].join('\n');
  }
  // Each image from its file: the body is printed in pieces around `base64 < file`, joined on curl's stdin.
  const markers = new Map<string, string>();
  let tag = 'KLING_FILE';
  while (JSON.stringify(body).includes(tag)) tag += '_';
  const marked = structuredClone(body);
  for (const [i, { path }] of fromFiles.entries()) {
    const marker = `@${tag}_${i}@`;
    markers.set(marker, files[path]!);
    setImage(marked, path, marker);
  }
  const pieces = JSON.stringify(marked).split(new RegExp(`(@${tag}_\\d+@)`));
  const steps = pieces.map((piece) => {
    const file = markers.get(piece);
    // `tr -d '\n'`: GNU base64 wraps lines at 76 characters, macOS's does not; Kling wants one unbroken string.
    return file !== undefined ? `  base64 < ${shellQuote(file)} | tr -d '\\n'` : `  printf '%s' ${shellQuote(piece)}`;
  });
  const [first, ...rest] = curlLines(options.endpoint);
  return [...head, '{', ...steps, `} | ${first}`, ...rest, '  --data-binary @-', ''].join('\n');
}
