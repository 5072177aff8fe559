import type { Problem } from '../../shared/kling/problems';
import type { BridgeError } from '../../shared/ipc/result';

/** An error whose message is written for the person using the app, returned over the bridge as it is. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems?: Problem[],
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }

  toBridgeError(): BridgeError {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.problems ? { problems: this.problems } : {}),
    };
  }
}
