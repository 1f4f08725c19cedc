// A minimal YAML reader for m365agents.yml: block mappings, block sequences, plain and quoted scalars,
// comments. No anchors, flow collections or multi-line scalars (the file uses none; they throw).

/** A parsed YAML node. */
export type YamlNode = string | YamlNode[] | { [key: string]: YamlNode };

interface Line {
  indent: number;
  text: string;
  readonly number: number;
}

/** Parses the YAML subset described above; throws with a line number on anything else. */
export function parseLifecycleYaml(source: string): YamlNode {
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const text = stripComment(raw).trimEnd();
    if (text.trim() === '') return;
    if (/^\s*(\t|[&*!|>{[])/.test(text)) throw new Error(`Unsupported YAML at line ${index + 1}: ${raw}`);
    lines.push({ indent: text.length - text.trimStart().length, text: text.trimStart(), number: index + 1 });
  });
  const [node, next] = block(lines, 0, lines[0]?.indent ?? 0);
  if (next < lines.length) throw new Error(`Unexpected indentation at line ${lines[next]?.number}`);
  return node;
}

function stripComment(raw: string): string {
  let quote = '';
  for (let k = 0; k < raw.length; k++) {
    const ch = raw[k];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#' && (k === 0 || /\s/.test(raw[k - 1] ?? ''))) {
      return raw.slice(0, k);
    }
  }
  return raw;
}

function scalar(text: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(text);
  return quoted ? (quoted[2] ?? '') : text;
}

function block(lines: Line[], start: number, indent: number): [YamlNode, number] {
  const first = lines[start];
  if (!first) return ['', start];
  return first.text === '-' || first.text.startsWith('- ')
    ? sequence(lines, start, indent)
    : mapping(lines, start, indent);
}

function sequence(lines: Line[], start: number, indent: number): [YamlNode[], number] {
  const items: YamlNode[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.indent !== indent || !(line.text === '-' || line.text.startsWith('- '))) break;
    const rest = line.text.slice(1).trimStart();
    if (rest === '') {
      const [node, next] = block(lines, i + 1, lines[i + 1]?.indent ?? indent + 2);
      items.push(node);
      i = next;
    } else if (/^[^'"]*?:(\s|$)/.test(rest)) {
      // "- key: value" opens a mapping whose keys line up with "key".
      line.indent = indent + (line.text.length - rest.length);
      line.text = rest;
      const [node, next] = mapping(lines, i, line.indent);
      items.push(node);
      i = next;
    } else {
      items.push(scalar(rest));
      i++;
    }
  }
  return [items, i];
}

function mapping(lines: Line[], start: number, indent: number): [YamlNode, number] {
  const out: { [key: string]: YamlNode } = {};
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.indent < indent) break;
    if (line.indent > indent) throw new Error(`Unexpected indentation at line ${line.number}`);
    const match = /^([^'"]*?):(?:\s+(.*))?$/.exec(line.text);
    if (!match) throw new Error(`Expected "key: value" at line ${line.number}`);
    const key = match[1] ?? '';
    const rest = match[2];
    i++;
    const next = lines[i];
    const nested = next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- ')));
    if (rest !== undefined && rest !== '') {
      out[key] = scalar(rest);
    } else if (nested) {
      const [node, after] = block(lines, i, next.indent);
      out[key] = node;
      i = after;
    } else {
      out[key] = '';
    }
  }
  return [out, i];
}
