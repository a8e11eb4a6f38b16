/**
 * # The common subset of YAML, parsed in one pass
 *
 * Manifests are nearly always written in a small part of YAML: block mappings and
 * sequences indented with spaces, one-line plain and quoted scalars, one-line flow
 * collections, comments, `---` between documents. `parseSubset` reads exactly that part
 * with one scan over the characters, about ten times faster than the general `yaml`
 * parser, into the same tree (node.ts) the `yaml` package's reading converts to, so the
 * editors cannot tell which parser ran.
 *
 * Block scalars and double-quoted escapes are read too. Anything else (anchors, aliases,
 * tags, multi-line plain or quoted scalars and flow collections, explicit `?` keys,
 * directives, tabs in indentation, keys that could resolve to a non-string, duplicate
 * keys, the rarer forms of block scalars, any doubt) returns undefined and the caller asks the
 * `yaml` package, which also gives the error for text that is not YAML at all. So the
 * subset never decides a question it might answer differently: it accepts only text the
 * `yaml` package reads without error, as the same tree (test/yaml/subset.test.ts checks
 * both against the package on generated, mutated and real files).
 */
import type { MapNode, ScalarNode, ScalarStyle, SeqNode, YamlNode } from "./node.js";
import { fold, unescapeDoubleQuoted } from "./scalar-text.js";

/** Thrown (one shared instance, no stack to build) when the text leaves the subset. */
class OutsideSubset extends Error {}
const OUTSIDE = new OutsideSubset("outside the YAML subset");

/** The documents' root nodes, or undefined when `text` is outside the subset. */
export function parseSubset(text: string): YamlNode[] | undefined {
  try {
    return new SubsetParser(text).documents();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const DQUOTE = 34;
const HASH = 35;
const PERCENT = 37;
const SQUOTE = 39;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const PLUS = 43;
const GT = 62;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** Characters that may not start a plain scalar here (`-` is decided by what follows). */
const INDICATOR = new Uint8Array(128);
for (const ch of "?:,[]{}#&*!|>'\"%@`") INDICATOR[ch.charCodeAt(0)] = 1;
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_END = new Uint8Array(128);
for (const ch of ",[]{}") FLOW_END[ch.charCodeAt(0)] = 1;

/** Plain keys that a YAML 1.2 core schema could read as null, a boolean or a number. */
const NON_STRING_KEY = /^(?:~$|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$|[-+]?\.?[0-9]|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))/;
/** The characters such a key starts with: any other key is a string without asking NON_STRING_KEY. */
const NON_STRING_START = new Uint8Array(128);
for (const ch of "~nNtTfF+-.0123456789") NON_STRING_START[ch.charCodeAt(0)] = 1;
/** A mapping with more keys than this looks for a repeated key in a Set; a shorter one compares them one by one. */
const FEW_KEYS = 16;
/** YAML's limit on how far an implicit key's `:` may be from the key's start. */
const MAX_KEY = 1024;
/** Collections nested deeper than this are left to the yaml package: no recursion here runs out of stack. */
const MAX_DEPTH = 200;

const isBlank = (c: number): boolean => c === SPACE || c === TAB;
/** Control characters (tab aside), DEL and the byte order mark: YAML does not allow them unescaped. */
const isControl = (c: number): boolean => (c < SPACE && c !== TAB) || c === 0x7f || c === 0xfeff;

/** A plain key the core schema could read as a non-string. */
function isNonStringKey(source: string): boolean {
  const c = source.charCodeAt(0);
  return c < 128 && NON_STRING_START[c] === 1 && NON_STRING_KEY.test(source);
}

/** A pair of a mapping the subset reads: its key is always a scalar. */
interface ScalarKeyPair {
  readonly key: ScalarNode;
  readonly value: YamlNode;
}

/**
 * Throws when `key` repeats a key of `pairs` (outside the subset). Most mappings hold a few
 * keys, compared one by one with no allocation; past FEW_KEYS they go to a Set, which is
 * returned to be passed back with the mapping's next key.
 */
function addKey(pairs: readonly ScalarKeyPair[], keys: Set<string> | undefined, key: string): Set<string> | undefined {
  if (keys === undefined && pairs.length < FEW_KEYS) {
    for (const pair of pairs) if (pair.key.text === key) throw OUTSIDE;
    return undefined;
  }
  const all = keys ?? new Set(pairs.map((pair) => pair.key.text));
  if (all.has(key)) throw OUTSIDE;
  return all.add(key);
}

class SubsetParser {
  private readonly length: number;
  /** The current content line: where it starts, its first non-space character, its indentation (-1 at `---` or the end). */
  private lineStart = 0;
  private content = 0;
  private indent = 0;
  /** True when the current line is a document start marker `---`. */
  private marker = false;
  /** Collections open around the current position. */
  private depth = 0;

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  documents(): YamlNode[] {
    const { text } = this;
    // A byte order mark may start any document, and YAML then skips it.
    if (text.includes("\uFEFF")) throw OUTSIDE;
    // A lone CR is a line break to YAML, not to this line-by-line scan.
    for (let cr = text.indexOf("\r"); cr >= 0; cr = text.indexOf("\r", cr + 1)) if (text.charCodeAt(cr + 1) !== LF) throw OUTSIDE;
    const documents: YamlNode[] = [];
    /** Where an explicitly started document with no content gets its empty scalar. */
    let pendingEmpty = -1;
    this.seekContent(0);
    while (this.content < this.length) {
      if (this.marker) {
        if (pendingEmpty >= 0) documents.push(emptyScalar(pendingEmpty));
        const after = this.skipBlanks(this.content + 3);
        if (!this.atLineEnd(after) && text.charCodeAt(after) !== HASH) throw OUTSIDE;
        pendingEmpty = after;
        this.seekContent(this.endOfLine(after));
        continue;
      }
      if (this.indent !== 0) throw OUTSIDE;
      const c = text.charCodeAt(this.content);
      // Directives and the document end marker `...`.
      if (c === PERCENT || (c === DOT && text.startsWith("...", this.content))) throw OUTSIDE;
      documents.push(this.blockNode(-1));
      pendingEmpty = -1;
      if (this.content < this.length && !this.marker) throw OUTSIDE;
    }
    if (pendingEmpty >= 0) documents.push(emptyScalar(pendingEmpty));
    return documents;
  }

  /** Moves to the first line at or after `from` with content (not blank, not only a comment). */
  private seekContent(from: number): void {
    const { text, length } = this;
    let i = from;
    while (i < length) {
      const start = i;
      while (i < length && text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c === HASH || c === LF || c === CR) {
        i = this.endOfLine(i);
      } else if (c === TAB) {
        // YAML refuses tabs as indentation, even on some blank lines.
        throw OUTSIDE;
      } else if (i < length) {
        // A document end marker `...` ends every collection, even with more on its line (which YAML refuses).
        if (c === DOT && i === start && text.startsWith("...", i) && (this.atLineEnd(i + 3) || isBlank(text.charCodeAt(i + 3)))) throw OUTSIDE;
        this.lineStart = start;
        this.content = i;
        this.marker = i === start && c === DASH && text.startsWith("---", i) && (this.atLineEnd(i + 3) || isBlank(text.charCodeAt(i + 3)));
        this.indent = this.marker ? -1 : i - start;
        return;
      }
    }
    this.lineStart = this.content = length;
    this.indent = -1;
    this.marker = false;
  }

  /** The offset after the line break of the line holding `i` (the text's length on the last line). */
  private endOfLine(i: number): number {
    const lf = this.text.indexOf("\n", i);
    return lf < 0 ? this.length : lf + 1;
  }

  /** Opens a collection; nesting deeper than real files do is left to the yaml package (and its limits). */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw OUTSIDE;
  }

  /** True at a line break (`\n`, `\r\n`: a lone `\r` was refused up front) or the end of the text. */
  private atLineEnd(i: number): boolean {
    if (i >= this.length) return true;
    const c = this.text.charCodeAt(i);
    return c === LF || c === CR;
  }

  private skipBlanks(i: number): number {
    while (i < this.length && isBlank(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** True when the content at `i` is a sequence entry indicator `-`. */
  private isEntry(i: number): boolean {
    return this.text.charCodeAt(i) === DASH && (this.atLineEnd(i + 1) || isBlank(this.text.charCodeAt(i + 1)));
  }

  /** A block collection opening the current line, nested deeper than `parent`. */
  private blockNode(parent: number): YamlNode {
    if (this.indent <= parent) throw OUTSIDE;
    if (this.isEntry(this.content)) return this.blockSequence();
    const colon = this.keyEnd(this.content);
    if (colon < 0) throw OUTSIDE;
    return this.blockMapping(this.content, colon);
  }

  private blockSequence(): SeqNode {
    this.enter();
    const { text } = this;
    const indent = this.indent;
    const items: YamlNode[] = [];
    const start = this.content;
    for (;;) {
      let at = this.content + 1;
      while (text.charCodeAt(at) === SPACE) at++;
      // A tab may not indent what follows an entry indicator (YAML refuses `-\tkey: value`).
      if (text.charCodeAt(at) === TAB) throw OUTSIDE;
      let item: YamlNode;
      if (this.atLineEnd(at) || text.charCodeAt(at) === HASH) {
        this.seekContent(this.endOfLine(at));
        item = this.indent > indent ? this.blockNode(indent) : emptyScalar(at);
      } else if (this.isEntry(at)) {
        throw OUTSIDE;
      } else {
        const colon = this.keyEnd(at);
        if (colon >= 0) {
          item = this.blockMapping(at, colon);
        } else {
          item = this.lineValue(at, indent);
          if (this.indent > indent) throw OUTSIDE;
        }
      }
      items.push(item);
      if (this.indent !== indent || !this.isEntry(this.content)) break;
    }
    if (this.indent > indent) throw OUTSIDE;
    this.depth--;
    return { kind: "seq", flow: false, start, end: items[items.length - 1]!.end, items };
  }

  /** A block mapping whose first key is at `first` (on the current line, maybe after `- `), its `:` at `colon` (keyEnd). */
  private blockMapping(first: number, firstColon: number): MapNode {
    this.enter();
    const { text } = this;
    const indent = first - this.lineStart;
    const pairs: ScalarKeyPair[] = [];
    let keys: Set<string> | undefined;
    let at = first;
    let colon = firstColon;
    for (;;) {
      const key = this.key(at, colon);
      keys = addKey(pairs, keys, key.text);
      const after = this.skipBlanks(colon + 1);
      let value: YamlNode;
      if (this.atLineEnd(after) || text.charCodeAt(after) === HASH) {
        this.seekContent(this.endOfLine(after));
        if (this.indent > indent) value = this.blockNode(indent);
        else if (this.indent === indent && this.isEntry(this.content)) value = this.blockSequence();
        else value = emptyScalar(after);
      } else {
        value = this.lineValue(after, indent);
      }
      pairs.push({ key, value });
      if (this.indent !== indent) break;
      at = this.content;
      colon = this.keyEnd(at);
      if (colon < 0) throw OUTSIDE;
    }
    if (this.indent > indent) throw OUTSIDE;
    this.depth--;
    return { kind: "map", flow: false, start: first, end: pairs[pairs.length - 1]!.value.end, pairs };
  }

  /**
   * The offset of the `:` that ends an implicit key starting at `i`, or -1 when the line
   * from `i` is not `key: ...` (a scalar, or something outside the subset).
   */
  private keyEnd(i: number): number {
    const { text } = this;
    const c = text.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      const colon = this.skipBlanks(this.quotedEnd(i));
      return this.isValueIndicator(colon) ? colon : -1;
    }
    if (c < 128 && (INDICATOR[c] === 1 || c === DASH)) return -1;
    // One look at each character: this runs over every key of the file.
    for (let j = i + 1; j < this.length; j++) {
      const d = text.charCodeAt(j);
      if (d === COLON) {
        const e = text.charCodeAt(j + 1);
        if (j + 1 === this.length || e === SPACE || e === TAB || e === LF || e === CR) return j;
      } else if (d === LF || d === CR || (d === HASH && isBlank(text.charCodeAt(j - 1))) || isControl(d)) {
        return -1;
      }
    }
    return -1;
  }

  /** True at a `:` that separates a key from its value (a blank or the line's end follows). */
  private isValueIndicator(i: number): boolean {
    return this.text.charCodeAt(i) === COLON && (this.atLineEnd(i + 1) || isBlank(this.text.charCodeAt(i + 1)));
  }

  /** The key scalar from `i` to its `:` at `colon`; a possibly non-string key is outside the subset. */
  private key(i: number, colon: number): ScalarNode {
    const { text } = this;
    const c = text.charCodeAt(i);
    let key: ScalarNode;
    if (c === DQUOTE || c === SQUOTE) {
      key = this.quoted(i);
    } else {
      let end = colon;
      while (isBlank(text.charCodeAt(end - 1))) end--;
      const source = text.slice(i, end);
      if (isNonStringKey(source)) throw OUTSIDE;
      key = scalar(source, "plain", i, end);
    }
    if (colon - i > MAX_KEY) throw OUTSIDE;
    return key;
  }

  /**
   * A value that ends its line (a plain or quoted scalar, a flow collection), then an
   * optional comment; moves to the next content line.
   */
  private lineValue(i: number, indent: number): YamlNode {
    const { text } = this;
    const c = text.charCodeAt(i);
    if (c === PIPE || c === GT) return this.blockScalar(i, indent);
    let node: YamlNode;
    if (c === DQUOTE || c === SQUOTE) node = this.quoted(i);
    else if (c === LBRACKET || c === LBRACE) node = this.flowCollection(i);
    else node = this.plainLine(i);
    const end = node.end;
    const after = this.skipBlanks(end);
    if (!this.atLineEnd(after) && (text.charCodeAt(after) !== HASH || after === end)) throw OUTSIDE;
    this.seekContent(this.endOfLine(after));
    return node;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `i`, its content
   * indented deeper than `parent`; moves to the next content line after it. Outside the
   * subset: indentation indicators, a header with nothing below, more-indented lines of a
   * folded scalar, spaces beyond the indentation on an empty line, a missing last line break.
   */
  private blockScalar(i: number, parent: number): ScalarNode {
    const { text } = this;
    const style = text.charCodeAt(i) === PIPE ? "literal" : "folded";
    let at = i + 1;
    const chomp = text.charCodeAt(at);
    if (chomp === DASH || chomp === PLUS) at++;
    const afterHeader = this.skipBlanks(at);
    if (!this.atLineEnd(afterHeader) && (text.charCodeAt(afterHeader) !== HASH || afterHeader === at)) throw OUTSIDE;
    // The content: every following line that is empty or indented at least as deep as the first non-empty one.
    const lines: string[] = [];
    let indent = -1;
    let lineStart = this.endOfLine(afterHeader);
    if (lineStart >= this.length) throw OUTSIDE;
    /** Where the last non-empty line ends (after its line break), and how many lines that is. */
    let contentEnd = lineStart;
    let contentLines = 0;
    while (lineStart < this.length) {
      let j = lineStart;
      while (text.charCodeAt(j) === SPACE) j++;
      const lineEnd = this.endOfLine(j);
      if (lineEnd === this.length && text.charCodeAt(lineEnd - 1) !== LF) throw OUTSIDE;
      const empty = this.atLineEnd(j);
      if (!empty && indent < 0) {
        indent = j - lineStart;
        if (indent <= parent) break;
      }
      if (!empty && j - lineStart < indent) break;
      // Spaces beyond the indentation on an empty line are content, or (before the first line) an error.
      if (empty && j - lineStart > (indent < 0 ? parent + 1 : indent)) throw OUTSIDE;
      const content = empty ? "" : text.slice(lineStart + indent, lineEnd - (text.charCodeAt(lineEnd - 2) === CR ? 2 : 1));
      if (style === "folded" && (content.charCodeAt(0) === SPACE || content.charCodeAt(0) === TAB)) throw OUTSIDE;
      lines.push(content);
      if (!empty) {
        contentEnd = lineEnd;
        contentLines = lines.length;
      }
      lineStart = lineEnd;
    }
    if (contentLines === 0) throw OUTSIDE;
    const body = lines.slice(0, contentLines);
    let value = style === "literal" ? body.join("\n") : fold(body);
    if (chomp === PLUS) value += "\n".repeat(1 + lines.length - contentLines);
    else if (chomp !== DASH) value += "\n";
    const end = chomp === PLUS ? lineStart : contentEnd;
    this.seekContent(end);
    return scalar(value, style, i, end);
  }

  /** A plain scalar running to the end of its line or to a comment. */
  private plainLine(i: number): ScalarNode {
    const { text } = this;
    const c = text.charCodeAt(i);
    if ((c < 128 && INDICATOR[c] === 1) || (c === DASH && (this.atLineEnd(i + 1) || isBlank(text.charCodeAt(i + 1))))) throw OUTSIDE;
    let j = i;
    let end = i;
    for (; j < this.length; j++) {
      const d = text.charCodeAt(j);
      if (d === LF || d === CR) break;
      if (isBlank(d)) {
        if (text.charCodeAt(j + 1) === HASH) break;
        continue;
      }
      // `: ` inside a value would be a nested mapping, which YAML refuses on one line.
      if (d === COLON && (j + 1 >= this.length || isBlank(text.charCodeAt(j + 1)) || text.charCodeAt(j + 1) === LF || text.charCodeAt(j + 1) === CR)) {
        throw OUTSIDE;
      }
      if (isControl(d)) throw OUTSIDE;
      end = j + 1;
    }
    return scalar(text.slice(i, end), "plain", i, end);
  }

  /** The offset after the closing quote of a one-line quoted scalar at `i`. */
  private quotedEnd(i: number): number {
    const { text } = this;
    const quote = text.charCodeAt(i);
    for (let j = i + 1; j < this.length; j++) {
      const d = text.charCodeAt(j);
      if (d === LF || d === CR || isControl(d)) throw OUTSIDE;
      if (quote === DQUOTE && d === BACKSLASH) {
        j++;
        continue;
      }
      if (d === quote) {
        if (quote === SQUOTE && text.charCodeAt(j + 1) === SQUOTE) {
          j++;
          continue;
        }
        return j + 1;
      }
    }
    throw OUTSIDE;
  }

  private quoted(i: number): ScalarNode {
    const end = this.quotedEnd(i);
    const inner = this.text.slice(i + 1, end - 1);
    if (this.text.charCodeAt(i) === DQUOTE) {
      const text = inner.includes("\\") ? unescapeDoubleQuoted(inner) : inner;
      if (text === undefined) throw OUTSIDE;
      return scalar(text, "double", i, end);
    }
    return scalar(inner.replaceAll("''", "'"), "single", i, end);
  }

  /** A flow collection `[...]` or `{...}` closed on the line it opens. */
  private flowCollection(i: number): MapNode | SeqNode {
    this.enter();
    const { text } = this;
    const isMap = text.charCodeAt(i) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const pairs: ScalarKeyPair[] = [];
    const items: YamlNode[] = [];
    let keys: Set<string> | undefined;
    let at = this.skipBlanks(i + 1);
    while (text.charCodeAt(at) !== close) {
      if (isMap) {
        const key = this.flowItem(at, true);
        const colon = this.skipBlanks(key.end);
        if (key.kind !== "scalar" || colon - at > MAX_KEY) throw OUTSIDE;
        if (key.style === "plain" && isNonStringKey(key.text)) throw OUTSIDE;
        keys = addKey(pairs, keys, key.text);
        if (text.charCodeAt(colon) !== COLON || !isBlank(text.charCodeAt(colon + 1))) throw OUTSIDE;
        const value = this.flowItem(this.skipBlanks(colon + 1), false);
        pairs.push({ key, value });
        at = this.skipBlanks(value.end);
      } else {
        const item = this.flowItem(at, false);
        items.push(item);
        at = this.skipBlanks(item.end);
      }
      const d = text.charCodeAt(at);
      if (d === COMMA) at = this.skipBlanks(at + 1);
      else if (d !== close) throw OUTSIDE;
    }
    this.depth--;
    return isMap ? { kind: "map", flow: true, start: i, end: at + 1, pairs } : { kind: "seq", flow: true, start: i, end: at + 1, items };
  }

  /** One item of a flow collection: a quoted or plain scalar, or a nested one-line flow collection. */
  private flowItem(i: number, isKey: boolean): YamlNode {
    const { text } = this;
    const c = text.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(i);
    if (c === LBRACKET || c === LBRACE) {
      if (isKey) throw OUTSIDE;
      return this.flowCollection(i);
    }
    if (c < 128 && INDICATOR[c] === 1) throw OUTSIDE;
    if (c === DASH && (isBlank(text.charCodeAt(i + 1)) || FLOW_END[text.charCodeAt(i + 1)] === 1)) throw OUTSIDE;
    let end = i;
    for (let j = i; ; j++) {
      if (this.atLineEnd(j)) throw OUTSIDE;
      const d = text.charCodeAt(j);
      if (d < 128 && FLOW_END[d] === 1) break;
      // A `:` ends a key in a flow mapping; anywhere else (a pair in a sequence, `a:b`) it is left to the full parser.
      if (d === COLON) {
        if (isKey && isBlank(text.charCodeAt(j + 1))) break;
        throw OUTSIDE;
      }
      if ((d === HASH && isBlank(text.charCodeAt(j - 1))) || isControl(d)) throw OUTSIDE;
      if (!isBlank(d)) end = j + 1;
    }
    if (end === i) throw OUTSIDE;
    return scalar(text.slice(i, end), "plain", i, end);
  }
}

function scalar(text: string, style: ScalarStyle, start: number, end: number): ScalarNode {
  return { kind: "scalar", style, text, start, end };
}

/** The empty plain scalar YAML reads where a value is missing (`key:`, `- `, a `---` with nothing after). */
function emptyScalar(at: number): ScalarNode {
  return scalar("", "plain", at, at);
}
