// Text that came from below the client (fetch's errors, a server's message) may quote what was sent: undici's
// "Headers.append: "Bearer sk-…" is an invalid header value", or a gateway that echoes the Authorization header. The
// client passes every such text through here before it becomes an error message, which may be logged, shown in the
// window, written into generation.json or printed by the command line.

const MIN_SECRET = 4;
export const REDACTED = '[redacted]';

/** The forms a secret may take inside a message: as sent, JSON-escaped, URL-encoded. */
function spellings(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])].filter((s) => s.length >= MIN_SECRET);
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so that "Bearer <key>" goes as a whole before "<key>" alone.
  const all = secrets.flatMap(spellings).sort((a, b) => b.length - a.length);
  for (const s of all) out = out.split(s).join(REDACTED);
  return out;
}
