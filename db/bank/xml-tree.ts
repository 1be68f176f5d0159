/**
 * XML text → a tree of plain objects, with saxes (a conforming, non-validating streaming parser:
 * well-formedness is checked as it reads, so a truncated or damaged file is refused, never half
 * read). No DTD is ever processed: recognise.ts refuses a DOCTYPE before this runs, and an entity
 * other than the five of XML or a character reference is an error here.
 *
 * The tree: an element is an object of its children by local name (namespace prefixes dropped),
 * its attributes as "@name" and its text as "#text"; an element with text only is that text;
 * an empty one is "". A child that occurs more than once, or whose name is in `repeated`, is an
 * array. Text is trimmed; values stay text (a QR reference's leading zeros matter).
 *
 * An element named in `handOver` is given to its `take` as it closes, instead of joining its
 * parent: a statement's entries are read one by one and dropped, so the tree of 10,000 payments
 * is never held at once (holding it made each collection of the young generation copy it again).
 */
import { SaxesParser } from 'saxes';

export type XmlNode = Record<string, unknown>;

export type XmlTreeResult = { ok: true; tree: XmlNode } | { ok: false; problem: 'depth' } | { ok: false; problem: 'malformed'; line: number; message: string };

class TooDeep extends Error {}

export interface HandOver {
  /** Local name of the elements handed over, */
  name: string;
  /** when their parent has one of these local names. */
  parents: ReadonlySet<string>;
  /** An error thrown here ends the parse and is thrown by xmlTree. */
  take(element: unknown, parent: XmlNode): void;
}

interface Open {
  name: string;
  node: XmlNode;
  text: string;
  hasContent: boolean;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function add(parent: XmlNode, name: string, value: unknown, repeated: ReadonlySet<string>): void {
  const existing = parent[name];
  if (existing === undefined) parent[name] = repeated.has(name) ? [value] : value;
  else if (Array.isArray(existing)) existing.push(value);
  else parent[name] = [existing, value];
}

/** Parses `xml`, refusing more than `maxDepth` nested elements (checked as each opens, so a deep file is never built). */
export function xmlTree(xml: string, repeated: ReadonlySet<string>, maxDepth: number, handOver?: HandOver): XmlTreeResult {
  const root: Open = { name: '', node: {}, text: '', hasContent: false };
  const stack: Open[] = [root];
  const parser = new SaxesParser({ position: true });
  let failure: { line: number; message: string } | null = null;
  parser.on('error', (error) => {
    failure ??= { line: parser.line, message: error.message.replace(/^[^:]*:\d+:\d+: /, '') };
    throw error;
  });
  parser.on('opentag', (tag) => {
    if (stack.length > maxDepth) throw new TooDeep();
    const node: XmlNode = {};
    let attributes = false;
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      node[`@${localName(name)}`] = value;
      attributes = true;
    }
    stack[stack.length - 1]!.hasContent = true;
    stack.push({ name: localName(tag.name), node, text: '', hasContent: attributes });
  });
  parser.on('text', (text) => {
    stack[stack.length - 1]!.text += text;
  });
  parser.on('cdata', (text) => {
    stack[stack.length - 1]!.text += text;
  });
  parser.on('closetag', () => {
    const open = stack.pop()!;
    const text = open.text.trim();
    let value: unknown = open.node;
    if (!open.hasContent) value = text;
    else if (text !== '') open.node['#text'] = text;
    const parent = stack[stack.length - 1]!;
    if (handOver && open.name === handOver.name && handOver.parents.has(parent.name)) handOver.take(value, parent.node);
    else add(parent.node, open.name, value, repeated);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof TooDeep) return { ok: false, problem: 'depth' };
    // Set by the error handler above, which TypeScript cannot see run.
    const malformed = failure as { line: number; message: string } | null;
    if (malformed) return { ok: false, problem: 'malformed', ...malformed };
    throw error;
  }
  return { ok: true, tree: root.node };
}
