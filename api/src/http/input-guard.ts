import type { RequestHandler } from 'express';
import { sendProblem } from './problem';

/** UTF-16 surrogates without their pair: PostgreSQL's JSON parser refuses them. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string cannot be stored as text: it holds NUL (PostgreSQL text cannot) or a lone surrogate. */
export function isUnstorable(text: string): boolean {
  return text.includes(String.fromCharCode(0)) || loneSurrogate.test(text);
}

/**
 * A JSON.parse reviver for request bodies: a string no database column could hold makes the body
 * malformed (400) before any handler sees it.
 */
export function rejectUnstorableStrings(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && isUnstorable(value))
    throw new SyntaxError('Unstorable character in a string.');
  return value;
}

/**
 * Refuses a path or query that does not decode, or decodes to characters no store can hold, with a
 * 400 problem, so routes only ever see text they can look up.
 */
export const guardPathAndQuery: RequestHandler = (req, res, next) => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.path);
  } catch {
    sendProblem(res, 400, 'bad_request', 'The request path is not valid', 'It holds a malformed %-escape.');
    return;
  }
  const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
  let decodedQuery: string;
  try {
    decodedQuery = decodeURIComponent(query.replace(/\+/g, ' '));
  } catch {
    sendProblem(res, 400, 'bad_request', 'The query string is not valid', 'It holds a malformed %-escape.');
    return;
  }
  if (isUnstorable(decoded) || isUnstorable(decodedQuery)) {
    sendProblem(res, 400, 'bad_request', 'The request holds characters that cannot be stored');
    return;
  }
  next();
};
