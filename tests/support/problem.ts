import { problemMediaType, problemSchema } from '@learnfit/core';
import { expect } from 'vitest';

/**
 * Asserts an API answer is the problem the test expects: its status, the problem+json media type, its
 * stable `code`, and no internals (no stack frame) in the body. Returns the detail for further checks.
 */
export async function expectProblem(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type') ?? '').toContain(problemMediaType);
  const body = problemSchema.parse(await response.json());
  expect(body.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return body.detail ?? '';
}
