/** Codes for misuse of the library (bugs, bad calls); expected failures are returned as values. */
export type KvdoctorErrorCode = 'invalid-rule' | 'invalid-input' | 'invalid-data';

export class KvdoctorError extends Error {
  override readonly name = 'KvdoctorError';

  constructor(
    readonly code: KvdoctorErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
