import { problemCodes } from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import { clientErrorCodes } from '../api/client';
import { messageForCode } from './problem-messages';

const allCodes = [...problemCodes, ...clientErrorCodes];

describe('messageForCode', () => {
  it.each(allCodes)('has a title and an explanation for %s', (code) => {
    const message = messageForCode(code);
    expect(message.title.length).toBeGreaterThan(10);
    expect(message.body.length).toBeGreaterThan(30);
    expect(message.body).not.toMatch(/undefined|null/);
  });

  it.each([
    'missing_token',
    'invalid_token',
    'token_expired',
    'wrong_audience',
    'wrong_issuer',
    'wrong_tenant',
  ] as const)('tells the person their sign-in could not be verified for %s', (code) => {
    expect(messageForCode(code).title).toBe('Your sign-in could not be verified');
  });

  it('explains that an admin must grant consent', () => {
    const message = messageForCode('consent_required');
    expect(message.title).toMatch(/admin must grant consent/i);
    expect(message.body).toMatch(/admin/i);
    expect(message.body).toMatch(/consent/i);
  });

  it('offers a retry when Microsoft Graph could not be reached', () => {
    const message = messageForCode('graph_unavailable');
    expect(message.title).toBe('Microsoft Graph could not be reached, try again');
    expect(message.canRetry).toBe(true);
  });

  it('does not offer a retry for requests the service rejected as malformed', () => {
    for (const code of [
      'bad_request',
      'malformed_json',
      'payload_too_large',
      'unsupported_media_type',
    ] as const) {
      expect(messageForCode(code).canRetry).toBe(false);
    }
  });

  it('gives network failures and token failures their own messages', () => {
    expect(messageForCode('network_error').title).not.toBe(messageForCode('token_unavailable').title);
    expect(messageForCode('network_error').body).toMatch(/network/i);
    expect(messageForCode('token_unavailable').body).toMatch(/single sign-on/i);
  });
});
