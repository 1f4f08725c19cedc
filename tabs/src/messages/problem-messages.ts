import type { ApiError, ApiErrorCode } from '../api/client';
import { strings } from './strings';

/** What the tab tells a person about a failure, and whether trying again can help. */
export interface FailureMessage {
  readonly title: string;
  readonly body: string;
  readonly canRetry: boolean;
}

const text = strings.errors.problems;

const message = (title: string, body: string, canRetry: boolean): FailureMessage => ({
  title,
  body,
  canRetry,
});

const requestRejected = message(text.rejectedTitle, text.rejected, false);

// A Record over every code, so adding a code to the contract fails the type check until it has a message.
const messages: Record<ApiErrorCode, FailureMessage> = {
  missing_token: message(text.signInNotVerified, text.missing_token, true),
  invalid_token: message(text.signInNotVerified, text.invalid_token, true),
  token_expired: message(text.signInNotVerified, text.token_expired, true),
  wrong_audience: message(text.signInNotVerified, text.wrong_audience, false),
  wrong_issuer: message(text.signInNotVerified, text.wrong_issuer, false),
  wrong_tenant: message(text.signInNotVerified, text.wrong_tenant, false),
  insufficient_scope: message(text.insufficientScopeTitle, text.insufficient_scope, false),
  forbidden: message(text.forbiddenTitle, text.forbidden, false),
  consent_required: message(text.consentTitle, text.consent_required, true),
  bad_request: requestRejected,
  malformed_json: requestRejected,
  payload_too_large: requestRejected,
  unsupported_media_type: requestRejected,
  not_found: message(text.notFoundTitle, text.not_found, true),
  rate_limited: message(text.rateLimitedTitle, text.rate_limited, true),
  conflict: message(text.conflictTitle, text.conflict, false),
  graph_unavailable: message(text.graphUnavailableTitle, text.graph_unavailable, true),
  graph_error: message(text.graphErrorTitle, text.graph_error, true),
  not_ready: message(text.notReadyTitle, text.not_ready, true),
  internal: message(text.internalTitle, text.internal, true),
  token_unavailable: message(text.tokenUnavailableTitle, text.token_unavailable, true),
  network_error: message(text.networkErrorTitle, text.network_error, true),
  invalid_response: message(text.invalidResponseTitle, text.invalid_response, true),
  unexpected_status: message(text.unexpectedStatusTitle, text.unexpected_status, true),
  client_failure: message(text.clientFailureTitle, text.client_failure, true),
};

/** The message for an error code. */
export function messageForCode(code: ApiErrorCode): FailureMessage {
  return messages[code];
}

/** The message for a failed API call, chosen by its code alone. */
export function messageForError(error: Pick<ApiError, 'code'>): FailureMessage {
  return messageForCode(error.code);
}
