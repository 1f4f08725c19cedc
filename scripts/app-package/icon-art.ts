// Procedural LearnFit icon art: a rounded "L" beside a small three-node graph. Pure and deterministic.
import { PNG } from 'pngjs';

/** An RGBA colour with 0–255 channels. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** A filled shape: a circle, or a capsule (a line segment with round caps) of a given radius. */
export type Shape =
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'capsule'; x1: number; y1: number; x2: number; y2: number; r: number };

/** A group of shapes painted in one colour. */
export interface Layer {
  color: Rgba;
  shapes: readonly Shape[];
}

/** Brand colour of the colour icon background (also the manifest accentColor #2B6CB0). */
export const BRAND: Rgba = { r: 0x2b, g: 0x6c, b: 0xb0, a: 255 };
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };
const AMBER: Rgba = { r: 0xf6, g: 0xc4, b: 0x53, a: 255 };
const SUPERSAMPLE = 4;

function inside(shape: Shape, x: number, y: number): boolean {
  if (shape.kind === 'circle') return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
  const dx = shape.x2 - shape.x1;
  const dy = shape.y2 - shape.y1;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((x - shape.x1) * dx + (y - shape.y1) * dy) / lengthSquared));
  const px = shape.x1 + t * dx;
  const py = shape.y1 + t * dy;
  return (x - px) ** 2 + (y - py) ** 2 <= shape.r ** 2;
}

/** Fraction (0–1) of pixel (px, py) covered by any of the shapes, by SUPERSAMPLE² point sampling. */
export function coverage(shapes: readonly Shape[], px: number, py: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = px + (sx + 0.5) / SUPERSAMPLE;
      const y = py + (sy + 0.5) / SUPERSAMPLE;
      if (shapes.some((shape) => inside(shape, x, y))) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

/** The mark scaled to a square of `size` px: the "L" stroke, the graph edges and the graph nodes. */
export function markLayers(
  size: number,
  stroke: number,
  nodeRadius: number,
): { l: Shape[]; edges: Shape[]; nodes: Shape[] } {
  const u = size / 96; // design grid: the mark is drawn on a 96-unit square
  const p = (v: number): number => v * u;
  const nodes: [number, number][] = [
    [60, 18],
    [84, 36],
    [62, 54],
  ];
  return {
    l: [
      { kind: 'capsule', x1: p(18), y1: p(14), x2: p(18), y2: p(80), r: stroke / 2 },
      { kind: 'capsule', x1: p(18), y1: p(80), x2: p(70), y2: p(80), r: stroke / 2 },
    ],
    edges: [
      { kind: 'capsule', x1: p(60), y1: p(18), x2: p(84), y2: p(36), r: stroke / 6 },
      { kind: 'capsule', x1: p(84), y1: p(36), x2: p(62), y2: p(54), r: stroke / 6 },
      { kind: 'capsule', x1: p(62), y1: p(54), x2: p(60), y2: p(18), r: stroke / 6 },
    ],
    nodes: nodes.map(([x, y]) => ({ kind: 'circle', cx: p(x), cy: p(y), r: nodeRadius })),
  };
}

/** Paint layers over a solid background into a new PNG image, anti-aliased by coverage. */
export function paint(
  width: number,
  height: number,
  background: Rgba,
  layers: readonly Layer[],
  offset = 0,
): PNG {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let { r, g, b } = background;
      for (const layer of layers) {
        const c = coverage(layer.shapes, x - offset, y - offset);
        if (c === 0) continue;
        r = r + (layer.color.r - r) * c;
        g = g + (layer.color.g - g) * c;
        b = b + (layer.color.b - b) * c;
      }
      const i = (y * width + x) * 4;
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(b);
      png.data[i + 3] = background.a;
    }
  }
  return png;
}

/** The 192×192 colour icon: white "L" and graph on the brand colour, mark inside the central 96×96 (48 px padding). */
export function renderColorIcon(): Buffer {
  const { l, edges, nodes } = markLayers(96, 16, 9);
  const png = paint(
    192,
    192,
    BRAND,
    [
      { color: WHITE, shapes: [...l, ...edges] },
      { color: AMBER, shapes: nodes },
    ],
    48,
  );
  return PNG.sync.write(png, { colorType: 6 });
}

/** The 32×32 outline icon: the same mark in pure white, alpha 255 or 0 only (no partial alpha), no padding. */
export function renderOutlineIcon(): Buffer {
  const { l, edges, nodes } = markLayers(32, 4, 3);
  const shapes = [...l, ...edges, ...nodes];
  const png = new PNG({ width: 32, height: 32 });
  for (let y = 0; y < 32; y++) {
    for (let x = 0; x < 32; x++) {
      const i = (y * 32 + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = coverage(shapes, x, y) >= 0.5 ? 255 : 0;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}
