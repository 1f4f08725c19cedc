import type { ApiError, ApiErrorCode } from '../api/client';

/** What the tab tells a person about a failure, and whether trying again can help. */
export interface FailureMessage {
  readonly title: string;
  readonly body: string;
  readonly canRetry: boolean;
}

const signInNotVerified = 'Your sign-in could not be verified';
const reopen = 'Close LearnFit and open it again from Teams.';
const tellAdmin = 'If this keeps happening, tell your Microsoft 365 admin and quote the error code below.';

const requestRejected: FailureMessage = {
  title: 'LearnFit could not process this request',
  body: `The tab sent a request the service did not accept. This is a fault in LearnFit, not something you did. ${tellAdmin}`,
  canRetry: false,
};

// A Record over every code, so adding a code to the contract fails the type check until it has a message.
const messages: Record<ApiErrorCode, FailureMessage> = {
  missing_token: {
    title: signInNotVerified,
    body: `Teams opened LearnFit without a sign-in token. ${reopen}`,
    canRetry: true,
  },
  invalid_token: {
    title: signInNotVerified,
    body: `The sign-in token Teams gave LearnFit was not valid. ${reopen} ${tellAdmin}`,
    canRetry: true,
  },
  token_expired: {
    title: signInNotVerified,
    body: 'Your sign-in has expired. Try again; Teams will renew it.',
    canRetry: true,
  },
  wrong_audience: {
    title: signInNotVerified,
    body: `The sign-in token was issued for a different app. Your admin needs to check that LearnFit's app registration matches the app package. ${tellAdmin}`,
    canRetry: false,
  },
  wrong_issuer: {
    title: signInNotVerified,
    body: `The sign-in token came from an identity provider LearnFit does not trust. ${tellAdmin}`,
    canRetry: false,
  },
  wrong_tenant: {
    title: signInNotVerified,
    body: `You are signed in to an organisation this LearnFit installation does not serve. Switch to your work organisation in Teams and open LearnFit again. ${tellAdmin}`,
    canRetry: false,
  },
  insufficient_scope: {
    title: 'LearnFit lacks a permission it needs',
    body: `Your sign-in does not include the permission LearnFit asks for. A Microsoft 365 admin needs to review LearnFit's API permissions. ${tellAdmin}`,
    canRetry: false,
  },
  forbidden: {
    title: 'You do not have access to this',
    body: 'Your LearnFit role does not include this page or action. Ask a learning leader or your admin if you need it.',
    canRetry: false,
  },
  consent_required: {
    title: 'An admin must grant consent first',
    body: 'LearnFit reads your profile and Teams activity counts from Microsoft Graph on your behalf. A Microsoft 365 admin must grant consent for LearnFit once for the whole organisation (Teams admin center or Microsoft Entra admin center, Enterprise applications, LearnFit, Permissions). After that, open LearnFit again.',
    canRetry: true,
  },
  bad_request: requestRejected,
  malformed_json: requestRejected,
  payload_too_large: requestRejected,
  unsupported_media_type: requestRejected,
  not_found: {
    title: 'LearnFit could not find what it looked for',
    body: 'Your account or the item you opened was not found in your organisation. If you joined recently, your account may not be visible yet; try again later.',
    canRetry: true,
  },
  rate_limited: {
    title: 'LearnFit is getting too many requests',
    body: 'LearnFit limits how many requests one person can make each minute. Wait a minute, then try again.',
    canRetry: true,
  },
  conflict: {
    title: 'That has already happened',
    body: 'Someone already did this, or it has finished in the meantime. Reload to see where things stand.',
    canRetry: false,
  },
  graph_unavailable: {
    title: 'Microsoft Graph could not be reached, try again',
    body: 'LearnFit gets your profile and activity from Microsoft Graph, which did not answer in time. This is usually brief.',
    canRetry: true,
  },
  graph_error: {
    title: 'Microsoft Graph returned an error',
    body: `LearnFit asked Microsoft Graph for your data and got an error back. Try again in a moment. ${tellAdmin}`,
    canRetry: true,
  },
  not_ready: {
    title: 'LearnFit is still preparing your data',
    body: 'The first collection of activity data has not finished yet. Try again in a few minutes.',
    canRetry: true,
  },
  internal: {
    title: 'Something went wrong in LearnFit',
    body: `The LearnFit service hit an unexpected error. Try again. ${tellAdmin}`,
    canRetry: true,
  },
  token_unavailable: {
    title: 'Teams did not give LearnFit a sign-in token',
    body: `Single sign-on failed before LearnFit could load your data. ${reopen} If it keeps failing, your admin needs to check LearnFit's single sign-on set-up (the app registration and the webApplicationInfo section of the app package).`,
    canRetry: true,
  },
  network_error: {
    title: 'LearnFit could not be reached',
    body: 'The LearnFit service did not answer. Check your network connection and try again.',
    canRetry: true,
  },
  invalid_response: {
    title: 'LearnFit answered in a way this tab does not understand',
    body: 'The tab and the service may be at different versions, for example during an update. Reload the tab.',
    canRetry: true,
  },
  unexpected_status: {
    title: 'The LearnFit service is not responding normally',
    body: 'The service, or a proxy in front of it, returned an error without details. Try again in a moment.',
    canRetry: true,
  },
  client_failure: {
    title: 'Something went wrong in the LearnFit tab',
    body: `The tab hit an unexpected error. Reload the tab. ${tellAdmin}`,
    canRetry: true,
  },
};

/** The message for an error code. */
export function messageForCode(code: ApiErrorCode): FailureMessage {
  return messages[code];
}

/** The message for a failed API call, chosen by its code alone. */
export function messageForError(error: Pick<ApiError, 'code'>): FailureMessage {
  return messageForCode(error.code);
}
