import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One JavaScript file the tab loads before its first page: raw and gzip (level 9) bytes. */
export interface InitialChunk {
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

/** The URL path prefix the API serves the built tab under (`base` in tabs/vite.config.ts). */
const tabBase = '/tab/';

// `<script type="module" src>` and `<link rel="modulepreload" href>` in the built index.html.
const entryTag = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
const preloadTag = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;
// Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; never `import("./x.js")`.
const staticImport = /\b(?:import|export)\s*(?:[^"'()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

function toDistPath(distDir: string, url: string): string {
  if (!url.startsWith(tabBase)) throw new Error(`bench:tab: ${url} is not under ${tabBase}`);
  return path.join(distDir, url.slice(tabBase.length));
}

/**
 * The entry chunk of the built tab and everything it imports statically (transitively), read from
 * tabs/dist/index.html's module script and modulepreload tags and from the chunks' own import statements.
 * Chunks reached only through `import()` (the lazily loaded pages) are not part of the initial load.
 */
export async function initialChunks(distDir: string): Promise<InitialChunk[]> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const pending = [...html.matchAll(entryTag), ...html.matchAll(preloadTag)].map((match) =>
    toDistPath(distDir, match[1] ?? ''),
  );
  if (pending.length === 0) throw new Error('bench:tab: tabs/dist/index.html has no module script');
  const seen = new Set<string>();
  const chunks: InitialChunk[] = [];
  for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const bytes = await readFile(file);
    chunks.push({
      file: path.relative(distDir, file),
      rawBytes: bytes.byteLength,
      gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
    });
    for (const match of bytes.toString('utf8').matchAll(staticImport)) {
      pending.push(path.resolve(path.dirname(file), match[1] ?? ''));
    }
  }
  return chunks;
}
