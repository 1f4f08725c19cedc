// The Node.js versions LearnFit declares are the ones it is tested on: CI runs this suite on the
// developer runtime and again on Node 24 (`npm run test:node24`), the runtime Azure App Service runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

/** Whether `version` (x.y.z) satisfies a range made of `^x.y.z` alternatives joined by `||`. */
function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return range.split('||').some((part) => {
    const match = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(part.trim());
    if (!match) throw new Error(`engines.node part "${part.trim()}" is not of the form ^x.y.z`);
    const [want, wantMinor, wantPatch] = match.slice(1).map(Number) as [number, number, number];
    if (major !== want) return false;
    return minor > wantMinor || (minor === wantMinor && patch >= wantPatch);
  });
}

describe('runtime', () => {
  it('runs on a Node.js version the package declares', () => {
    expect(satisfies(process.versions.node, pkg.engines.node), process.versions.node).toBe(true);
  });

  it('tests the production runtime, and declares it', () => {
    const match = /with-node\.mjs (\d+\.\d+\.\d+) npm test$/.exec(pkg.scripts['test:node24'] ?? '');
    expect(match?.[1]).toMatch(/^24\./);
    expect(satisfies(match![1]!, pkg.engines.node)).toBe(true);
    // Versions outside the declared lines are refused, so the declaration means something.
    expect(satisfies('22.12.0', pkg.engines.node)).toBe(false);
    expect(satisfies('20.18.9', pkg.engines.node)).toBe(false);
  });
});
