import type { ProblemCode } from '@learnfit/core';

/** Why an SSO token was refused; each maps to a 401 problem code the tab can act on. */
export type AuthFailure = Extract<
  ProblemCode,
  | 'missing_token'
  | 'invalid_token'
  | 'token_expired'
  | 'wrong_audience'
  | 'wrong_issuer'
  | 'wrong_tenant'
  | 'insufficient_scope'
>;

/** A refused SSO token. The message is for logs; clients read `code`. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** Graph refused the on-behalf-of exchange because the user or an admin must consent first. */
export class ConsentRequiredError extends Error {
  readonly code = 'consent_required' as const;
  constructor(readonly scopes: readonly string[]) {
    super('Consent is required before LearnFit can call Microsoft Graph for this user.');
    this.name = 'ConsentRequiredError';
  }
}
