// The error table of ../shared/kling-api.md: classify by the body's `code`, never by HTTP status alone.

export type ErrorAction =
  | 'ask-credential' // stop; the credential is wrong or missing
  | 'check-clock' // JWT not yet valid: the machine's clock is off; sign again
  | 'resign-retry-once' // JWT expired: sign again, retry once
  | 'stop-account' // account in arrears, resource pack used up, …
  | 'stop' // permission, not found, IP policy
  | 'fix-input' // invalid parameters or content policy: the user edits the input
  | 'retry-backoff' // rate limit or server trouble: exponential backoff with jitter
  | 'queue'; // parallel-task limit: wait for a slot

export interface KlingErrorRow {
  code: number;
  http: number;
  meaning: string;
  action: ErrorAction;
  /** What the app tells a person, in plain words. */
  userMessage: string;
}

const row = (code: number, http: number, meaning: string, action: ErrorAction, userMessage: string): KlingErrorRow => ({
  code,
  http,
  meaning,
  action,
  userMessage,
});

export const KLING_ERRORS: readonly KlingErrorRow[] = [
  row(1000, 401, 'authentication failed', 'ask-credential', 'Kling did not accept the credential. Check the key in Settings.'),
  row(1001, 401, 'authorization header empty', 'ask-credential', 'No credential was sent. Add a key in Settings.'),
  row(1002, 401, 'authorization header invalid', 'ask-credential', 'The credential is malformed. Check the key in Settings.'),
  row(1003, 401, 'token not yet valid', 'check-clock', "Kling says the token is not valid yet: check this computer's clock."),
  row(1004, 401, 'token expired', 'resign-retry-once', 'The signed token expired; signing again.'),
  row(1100, 429, 'account problem', 'stop-account', 'Kling reports a problem with the account.'),
  row(1101, 429, 'account in arrears', 'stop-account', 'The Kling account is in arrears. Top it up, then try again.'),
  row(1102, 429, 'resource pack used up', 'stop-account', 'The Kling resource pack is used up. Buy more credits, then try again.'),
  row(1103, 403, 'no permission for this API or model', 'stop', 'This account may not use this API or model.'),
  row(1200, 400, 'invalid parameters', 'fix-input', 'Kling refused a parameter.'),
  row(1201, 400, 'invalid parameters', 'fix-input', 'Kling refused a parameter.'),
  row(1202, 404, 'wrong method', 'stop', 'Kling does not know this request method (check the base URL and path prefix).'),
  row(1203, 404, 'resource not found', 'stop', 'Kling could not find the resource (for example the model).'),
  row(1300, 400, 'platform policy', 'fix-input', 'The request goes against Kling platform policy. Edit the input.'),
  row(1301, 400, 'content safety', 'fix-input', "Kling's content safety check refused the input. Edit the prompt or images."),
  row(1302, 429, 'rate limit', 'retry-backoff', 'Kling is rate limiting; retrying shortly.'),
  row(1303, 429, "over the account's parallel-task limit", 'queue', 'The account has too many tasks running; queued until one finishes.'),
  row(1304, 429, 'IP allow-list policy', 'stop', "This computer's IP address is not on the account's allow-list."),
  row(5000, 500, 'server error', 'retry-backoff', 'Kling had a server error; retrying.'),
  row(5001, 503, 'maintenance', 'retry-backoff', 'Kling is under maintenance; retrying.'),
  row(5002, 504, 'timeout', 'retry-backoff', 'Kling timed out; retrying.'),
];

const byCode = new Map(KLING_ERRORS.map((r) => [r.code, r]));

export function klingErrorRow(code: number): KlingErrorRow | undefined {
  return byCode.get(code);
}

export function isRetryableCode(code: number): boolean {
  return byCode.get(code)?.action === 'retry-backoff';
}
