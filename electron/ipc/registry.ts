// Every bridge request passes through here: the sender is checked, the request parsed with the contract's schema,
// and the handler's outcome returned as data. Electron's ipcMain and the Chromium test host both call `handle`.
import { listChannels } from '../../shared/ipc/contract';
import { fail, ok, type BridgeResult } from '../../shared/ipc/result';
import { byteFieldNames } from './byte-fields';
import { payloadShapeProblem } from './payload-shape';
import { UserFacingError } from './user-facing-error';

export type Handler = (request: never) => Promise<unknown>;
export type Handlers = Record<string, Handler>;

export interface Sender {
  /** URL of the frame that sent the request. */
  url: string;
}

export interface HandlerRegistry {
  handle(channel: string, request: unknown, sender: Sender): Promise<BridgeResult<unknown>>;
  channels(): string[];
}

/** Zod quotes unknown keys and paths back; a request built to be huge must not come back as a huge message. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function createHandlerRegistry(
  handlers: Handlers,
  options: { isTrustedSender(sender: Sender): boolean; log?(message: string): void },
): HandlerRegistry {
  const channels = listChannels();
  const missing = channels.filter((c) => !handlers[c.name]).map((c) => c.name);
  if (missing.length > 0) throw new Error(`No handler for bridge channel(s): ${missing.join(', ')}`);
  const byName = new Map(channels.map((c) => [c.name, { ...c, byteFields: byteFieldNames(c.request) }]));

  return {
    channels: () => [...byName.keys()],
    async handle(channel, request, sender) {
      if (!options.isTrustedSender(sender)) {
        return fail({ code: 'forbidden-sender', message: 'This page may not use the Kling Studio bridge.' });
      }
      const def = byName.get(channel);
      const handler = handlers[channel];
      if (!def || !handler) return fail({ code: 'unknown-channel', message: `Unknown bridge channel ${channel}` });
      const shapeProblem = payloadShapeProblem(request ?? {}, def.byteFields);
      if (shapeProblem) return fail({ code: 'invalid-request', message: clip(shapeProblem, 400) });
      const parsed = def.request.safeParse(request ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = clip(issue?.path.map(String).join('.') ?? '', 200);
        return fail({
          code: 'invalid-request',
          message: issue ? clip(`${field || 'request'}: ${issue.message}`, 400) : 'Invalid request',
          ...(field ? { field } : {}),
        });
      }
      try {
        return ok(await handler(parsed.data as never));
      } catch (error) {
        if (error instanceof UserFacingError) return fail(error.toBridgeError());
        options.log?.(`bridge ${channel} failed: ${(error as Error).stack ?? String(error)}`);
        return fail({ code: 'internal', message: `Something went wrong: ${(error as Error).message}` });
      }
    },
  };
}
