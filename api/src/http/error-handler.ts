import { GraphError } from '@microsoft/microsoft-graph-client';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AuthError, ConsentRequiredError } from '../identity/auth-error';
import type { Logger } from '../logger';
import { HttpProblem, sendProblem } from './problem';

const authTitles: Record<AuthError['code'], string> = {
  missing_token: 'Sign-in required',
  invalid_token: 'The sign-in token is not valid',
  token_expired: 'The sign-in token has expired',
  wrong_audience: 'The sign-in token was issued for another app',
  wrong_issuer: 'The sign-in token has an unexpected issuer',
  wrong_tenant: 'Your organisation cannot use this LearnFit deployment',
  insufficient_scope: 'The sign-in token lacks the required scope',
};

/** Answers unknown routes with a 404 problem. */
export const notFound: RequestHandler = (req, res) => {
  sendProblem(res, 404, 'not_found', 'Not found', `Nothing is served at ${req.method} ${req.path}.`);
};

interface BodyParserError {
  type: string;
  status?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string';
}

/** The 4xx status an http-errors style error carries, or null. */
function clientStatusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ??
    (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/**
 * Maps known errors to problem+json 4xx/5xx answers; anything else is logged and answered with a bare
 * 500 that reveals nothing. Error messages are never sent to clients.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof HttpProblem) {
      sendProblem(res, error.status, error.code, error.title, error.detail);
    } else if (error instanceof AuthError) {
      res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="${error.code}"`);
      sendProblem(res, 401, error.code, authTitles[error.code]);
    } else if (error instanceof ConsentRequiredError) {
      sendProblem(
        res,
        403,
        'consent_required',
        'Consent is required',
        `LearnFit needs consent for: ${error.scopes.join(', ')}.`,
      );
    } else if (error instanceof ZodError) {
      sendProblem(
        res,
        400,
        'bad_request',
        'The request is not valid',
        error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      );
    } else if (isBodyParserError(error) && error.type === 'entity.parse.failed') {
      sendProblem(res, 400, 'malformed_json', 'The request body is not valid JSON');
    } else if (isBodyParserError(error) && error.type === 'entity.too.large') {
      sendProblem(res, 413, 'payload_too_large', 'The request body is too large');
    } else if (
      isBodyParserError(error) &&
      error.status !== undefined &&
      error.status >= 400 &&
      error.status < 500
    ) {
      sendProblem(
        res,
        error.status === 415 ? 415 : 400,
        error.status === 415 ? 'unsupported_media_type' : 'bad_request',
        'The request body could not be read',
      );
    } else if (!(error instanceof GraphError) && clientStatusOf(error) !== null) {
      // (A GraphError carries Graph's status in `statusCode`: Graph's 4xx is not the client's fault.)
      // Errors raised by Express and its parsers for the client's input (a malformed %-escape in a
      // path, a body that claims an encoding it does not have) carry a 4xx status but no parser type.
      const status = clientStatusOf(error) === 415 ? 415 : 400;
      sendProblem(
        res,
        status,
        status === 415 ? 'unsupported_media_type' : 'bad_request',
        'The request could not be read',
      );
    } else if (error instanceof GraphError) {
      logger.warn('graph call failed', {
        path: req.path,
        status: error.statusCode,
        graphCode: error.code,
        requestId: error.requestId,
      });
      const unavailable = error.statusCode === -1 || error.statusCode === 429 || error.statusCode >= 500;
      sendProblem(
        res,
        unavailable ? 503 : 502,
        unavailable ? 'graph_unavailable' : 'graph_error',
        unavailable ? 'Microsoft Graph is not available right now' : 'Microsoft Graph refused the request',
      );
    } else {
      logger.error('unhandled error', {
        path: req.path,
        error: error instanceof Error ? error.stack : String(error),
      });
      sendProblem(res, 500, 'internal', 'Something went wrong on our side');
    }
  };
}
