/** Why the privacy guard refused: the tab and bot branch on this, never on the message. */
export type PrivacyErrorCode = 'group-too-small' | 'threshold-too-low';

/** A refusal by the privacy guard. It never carries the size of the group it refused. */
export class PrivacyError extends Error {
  /** Stable reason for the refusal. */
  readonly code: PrivacyErrorCode;

  constructor(code: PrivacyErrorCode, message: string) {
    super(message);
    this.name = 'PrivacyError';
    this.code = code;
  }
}
