import type { RequestHandler, Response } from 'express';
import { AuthError } from '../identity/auth-error';
import type { SsoIdentity, SsoTokenValidator } from '../identity/sso-token-validator';

/** Requires a valid Teams SSO bearer token; the identity is then available to the route. */
export function authenticate(validator: SsoTokenValidator): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      next(new AuthError('missing_token', 'No bearer token.'));
      return;
    }
    validator.validate(match[1]).then(
      (identity) => {
        res.locals['identity'] = identity;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

/** The identity `authenticate` proved for this request. */
export function identityOf(res: Response): SsoIdentity {
  const identity = res.locals['identity'] as SsoIdentity | undefined;
  if (!identity) throw new AuthError('missing_token', 'Route used without authenticate().');
  return identity;
}
