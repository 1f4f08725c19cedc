import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, guardFields } from './logger';

/** A logger writing into an array of parsed lines. */
function capture(level: Parameters<typeof createLogger>[0] = 'debug') {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger(level, {
    now: () => new Date('2026-11-30T08:00:00.000Z'),
    destination: stream as unknown as DestinationStream,
  });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const jwt =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJvaWQiOiIxMjMiLCJ0aWQiOiJ0In0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu';

describe('logger', () => {
  it('writes JSON lines with time, level as a word and msg', () => {
    const { logger, lines } = capture();
    logger.info('request', { requestId: 'r1', method: 'GET', path: '/api/me', status: 200, ms: 12 });
    expect(lines()).toEqual([
      {
        time: '2026-11-30T08:00:00.000Z',
        level: 'info',
        msg: 'request',
        requestId: 'r1',
        method: 'GET',
        path: '/api/me',
        status: 200,
        ms: 12,
      },
    ]);
  });

  it('honours the level and writes nothing when silent', () => {
    const info = capture('info');
    info.logger.debug('hidden');
    info.logger.warn('shown');
    expect(info.lines().map((line) => line['level'])).toEqual(['warn']);
    const silent = capture('silent');
    silent.logger.error('nothing');
    expect(silent.raw).toEqual([]);
  });

  it('never writes a bearer token, whatever field or message carries it', () => {
    const { logger, raw } = capture();
    logger.warn(`refused Bearer ${jwt}`, {
      authorization: `Bearer ${jwt}`,
      headers: { authorization: `Bearer ${jwt}`, accept: 'application/json' },
      header: `Bearer ${jwt}`,
      ssoToken: jwt,
      nested: { deeper: [{ value: `token=${jwt}` }] },
      error: new Error(`upstream said Bearer ${jwt}`),
    });
    const text = raw.join('\n');
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('eyJ');
    expect(text).not.toMatch(/Bearer\s+[A-Za-z0-9]/);
    const [line] = raw.map((entry) => JSON.parse(entry) as Record<string, unknown>);
    expect(line?.['msg']).toBe('refused [redacted]');
    expect(line?.['headers']).toEqual({ accept: 'application/json' });
    expect(line?.['header']).toBe('[redacted]');
    expect(line).not.toHaveProperty('authorization');
    expect(line).not.toHaveProperty('ssoToken');
  });

  it('drops fields named like bodies, texts, contents, tokens and authorization at any depth', () => {
    expect(
      guardFields({
        body: 'hello',
        messageText: 'hi',
        content: 'x',
        accessToken: 't',
        Authorization: 'a',
        keep: { bodyPreview: 'p', id: 7 },
        count: 3,
      }),
    ).toEqual({ keep: { id: 7 }, count: 3 });
  });

  it('survives cycles in fields', () => {
    const { logger, lines } = capture();
    const loop: Record<string, unknown> = { id: 'a' };
    loop['self'] = loop;
    logger.info('cycle', { loop });
    expect(lines()[0]?.['loop']).toEqual({ id: 'a', self: '[cycle]' });
  });
});
