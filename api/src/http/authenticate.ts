import type { RequestHandler, Response } from 'express';
import { AuthError } from '../identity/auth-error';
import type { SsoIdentity, SsoTokenValidator } from '../identity/sso-token-validator';

/**
 * Requires a valid Teams SSO bearer token; the identity is then available to the route. `onAnswered`
 * hears of each identity whose request was answered with a success (below 400), so bookkeeping about
 * sign-ins never writes on behalf of a request that was refused.
 */
export function authenticate(
  validator: SsoTokenValidator,
  onAnswered?: (identity: SsoIdentity) => void,
): RequestHandler {
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
        if (onAnswered) {
          res.once('finish', () => {
            if (res.statusCode < 400) onAnswered(identity);
          });
        }
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
