// Writes the app package zip with yazl: flat entries at the zip root, fixed timestamps.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ZipFile } from 'yazl';

/** One file in the zip, stored at the root under `name`. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Fixed entry timestamp so the same inputs give the same bytes. */
const FIXED_MTIME = new Date(2026, 0, 1, 0, 0, 0);

/** Build a zip in memory; entry names must be bare file names (no folders), unique. */
export async function zipEntries(entries: readonly ZipEntry[]): Promise<Buffer> {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name === '' || /[\\/]/.test(entry.name) || entry.name.startsWith('.')) {
      throw new Error(`zip entry "${entry.name}" must be a plain file name at the zip root`);
    }
    if (seen.has(entry.name)) throw new Error(`duplicate zip entry "${entry.name}"`);
    seen.add(entry.name);
  }
  const zip = new ZipFile();
  for (const entry of entries) {
    zip.addBuffer(entry.data, entry.name, { mtime: FIXED_MTIME, mode: 0o100644, compress: true });
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  zip.end();
  return done;
}

/** Write a zip file (creating its folder) and return its size in bytes. */
export async function writeZip(file: string, entries: readonly ZipEntry[]): Promise<number> {
  const data = await zipEntries(entries);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
  return data.length;
}
