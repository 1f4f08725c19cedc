// Offline icon checks: nothing in the Teams toolchain checks icon pixels locally, so we do it here.
import { PNG } from 'pngjs';

/** Required colour icon size in px (square). */
export const COLOR_ICON_SIZE = 192;
/** Required outline icon size in px (square). */
export const OUTLINE_ICON_SIZE = 32;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/** Read the IHDR chunk of a PNG buffer; throws if the bytes are not a PNG. */
export function readPngHeader(data: Buffer): PngHeader {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('not a PNG file (bad signature)');
  }
  if (data.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file (first chunk is not IHDR)');
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    bitDepth: data.readUInt8(24),
    colorType: data.readUInt8(25),
  };
}

function checkSize(data: Buffer, label: string, size: number): string[] {
  let header: PngHeader;
  try {
    header = readPngHeader(data);
  } catch (error) {
    return [`${label}: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (header.width !== size || header.height !== size) {
    return [`${label}: must be ${size}x${size} px, is ${header.width}x${header.height}`];
  }
  return [];
}

function decode(data: Buffer, label: string): PNG | string {
  try {
    return PNG.sync.read(data);
  } catch (error) {
    return `${label}: cannot decode PNG: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Problems with a colour icon: must be a decodable 192×192 PNG. Empty when fine. */
export function checkColorIcon(data: Buffer, label = 'color icon'): string[] {
  const problems = checkSize(data, label, COLOR_ICON_SIZE);
  if (problems.length > 0) return problems;
  const png = decode(data, label);
  return typeof png === 'string' ? [png] : [];
}

/**
 * Problems with an outline icon: must be a 32×32 PNG whose pixels are all either fully transparent
 * (alpha 0) or white (255,255,255), with at least one fully opaque white pixel. Empty when fine.
 */
export function checkOutlineIcon(data: Buffer, label = 'outline icon'): string[] {
  const problems = checkSize(data, label, OUTLINE_ICON_SIZE);
  if (problems.length > 0) return problems;
  const png = decode(data, label);
  if (typeof png === 'string') return [png];
  let opaque = 0;
  let offending = 0;
  let first = '';
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
      if (a === 0) continue;
      if (r === 255 && g === 255 && b === 255) {
        if (a === 255) opaque++;
        continue;
      }
      offending++;
      if (first === '') first = `pixel (${x},${y}) is rgba(${r},${g},${b},${a})`;
    }
  }
  if (offending > 0) {
    problems.push(
      `${label}: only white (255,255,255) or fully transparent pixels are allowed; ` +
        `${offending} pixel(s) have another colour, first: ${first}`,
    );
  }
  if (opaque === 0) problems.push(`${label}: has no opaque white pixel (the icon would be invisible)`);
  return problems;
}
