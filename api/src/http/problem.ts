import { problemMediaType, type Problem, type ProblemCode } from '@learnfit/core';
import type { Response } from 'express';

/** An error a route raises on purpose; the error handler answers it as problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(title);
    this.name = 'HttpProblem';
  }
}

/** Writes an RFC 9457 problem answer with LearnFit's `code`. */
export function sendProblem(
  res: Response,
  status: number,
  code: ProblemCode,
  title: string,
  detail?: string,
): void {
  const body: Problem = {
    type: `https://learnfit.dev/problems/${code.replace(/_/g, '-')}`,
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(res.req.originalUrl ? { instance: res.req.originalUrl.split('?')[0] } : {}),
  };
  res.status(status).type(problemMediaType).send(JSON.stringify(body));
}
