// Kling's response envelope `{code, message, request_id, data}` and the one error type every handler throws, so
// the HTTP status always comes from the error table (shared/kling/errors.ts) rather than being typed per call site.
import { randomUUID } from 'node:crypto';
import { klingErrorRow } from '../../shared/kling/errors';
import type { Envelope } from '../../shared/kling/wire';

export class KlingError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return httpStatusOf(this.code);
  }
}

/** Shorthand for the most common refusal: 400/1201 with a message that starts with the field's name. */
export const invalidParam = (field: string, reason: string): KlingError => new KlingError(1201, `${field}: ${reason}`);

export function httpStatusOf(code: number): number {
  if (code === 0) return 200;
  // A code the table does not know is a server-side bug in a fault definition; 500 keeps it visible.
  return klingErrorRow(code)?.http ?? 500;
}

export const newRequestId = (): string => randomUUID();

export function envelope<T>(code: number, message: string, data?: T): Envelope<T> {
  const body: Envelope<T> = { code, message, request_id: newRequestId() };
  if (data !== undefined) body.data = data;
  return body;
}

/** A response decided by a handler but not yet written, so the server core can still apply a fault to it. */
export interface Reply {
  status: number;
  headers: Record<string, string | number>;
  body: Buffer;
}

export function jsonReply(status: number, value: unknown): Reply {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length }, body };
}

export const okReply = <T>(data: T): Reply => jsonReply(200, envelope(0, 'SUCCEED', data));

export const errorReply = (error: KlingError): Reply => jsonReply(error.httpStatus, envelope(error.code, error.message));
