import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/change.js";
import { parseKcl } from "../../src/kcl/parser.js";
import { stringLiteralValue, readStringLiteral, writeStringLiteral } from "../../src/kcl/string-literal.js";
import type { ConfigItem, ListItem, StringExpr } from "../../src/kcl/syntax.js";
import { isName, StringFlag, T, tokenize, tryTokenize, type Tokens } from "../../src/kcl/tokenizer.js";
import { validCorpusFiles } from "./corpus.js";

const texts = (tokens: Tokens): string[] => Array.from({ length: tokens.count }, (_, i) => tokens.source.text.slice(tokens.start[i], tokens.end[i]));
const kinds = (tokens: Tokens): number[] => Array.from(tokens.kind);

describe("tokenize", () => {
  it("reads names, numbers with unit suffixes, operators and strings", () => {
    const tokens = tokenize('x = 1Gi + 0x1F * 1_000 ** 2.5e-3 // 90.\ny: {str:} = {"a": r"\\d", $type = 3m}\n');
    expect(texts(tokens).filter((t) => t.trim() !== "")).toEqual([
      "x",
      "=",
      "1Gi",
      "+",
      "0x1F",
      "*",
      "1_000",
      "**",
      "2.5e-3",
      "//",
      "90.",
      "y",
      ":",
      "{",
      "str",
      ":",
      "}",
      "=",
      "{",
      '"a"',
      ":",
      'r"\\d"',
      ",",
      "$type",
      "=",
      "3m",
      "}",
    ]);
  });

  it("keeps comments out of the token stream and records them", () => {
    const tokens = tokenize('a = "#not a comment"  # a comment\n# 中文注释\n');
    expect(texts(tokens)).toEqual(["a", "=", '"#not a comment"', "\n", ""]);
    const comments = Array.from(tokens.commentStart, (s, i) => tokens.source.text.slice(s, tokens.commentEnd[i]));
    expect(comments).toEqual(["# a comment", "# 中文注释"]);
  });

  it("marks raw, triple-quoted and interpolated strings", () => {
    const tokens = tokenize(`a = r"\${x}"\nb = """multi\nline \${y}"""\nc = '\\\${z}'\nd = "\${name}:\${tag}"\n`);
    const strings = Array.from({ length: tokens.count }, (_, i) => i).filter((i) => tokens.kind[i] === T.String);
    expect(strings.map((i) => tokens.flags[i])).toEqual([
      StringFlag.Raw,
      StringFlag.Triple | StringFlag.Interpolated,
      StringFlag.SingleQuote,
      StringFlag.Interpolated,
    ]);
  });

  it('ends a string only at an unescaped quote: \\" never closes, even raw', () => {
    const tokens = tokenize('a = r"x\\"y"\nb = "a\\\\"\n');
    expect(texts(tokens).filter((t, i) => tokens.kind[i] === T.String)).toEqual(['r"x\\"y"', '"a\\\\"']);
  });

  it("ends a triple-quoted string at its first unescaped triple quote, across lines", () => {
    const tokens = tokenize('a = """doc\n  \\""" still ${x}"""\nb = r"""\\\\"""\n');
    const strings = Array.from({ length: tokens.count }, (_, i) => i).filter((i) => tokens.kind[i] === T.String);
    expect(strings.map((i) => tokens.source.text.slice(tokens.start[i], tokens.end[i]))).toEqual(['"""doc\n  \\""" still ${x}"""', 'r"""\\\\"""']);
    expect(strings.map((i) => tokens.flags[i])).toEqual([StringFlag.Triple | StringFlag.Interpolated, StringFlag.Raw | StringFlag.Triple]);
    expect(() => tokenize('c = """x""""\n')).toThrow(expect.objectContaining({ line: 1, column: 12 }));
  });

  it("emits INDENT/DEDENT outside brackets only, newlines inside them", () => {
    const tokens = tokenize("schema A:\n    x: int\n    if True:\n        y = [\n  1,\n]\nz = 1\n");
    const k = kinds(tokens);
    expect(k.filter((x) => x === T.Indent).length).toBe(2);
    expect(k.filter((x) => x === T.Dedent).length).toBe(2);
    expect(texts(tokens).slice(-5)).toEqual(["z", "=", "1", "\n", ""]);
  });

  it("compares indentation as KCL's lexer does, tabs and spaces counted apart: a tab is worth no number of spaces (review N5)", () => {
    const blocks = kinds(tokenize("if a:\n    b = 1\n    c = 2\nd = 3\n"));
    // A tab and two spaces are one level whichever comes first, and a form feed ends the indentation before it.
    expect(kinds(tokenize("if a:\n\t  b = 1\n  \tc = 2\nd = 3\n"))).toEqual(blocks);
    expect(kinds(tokenize("if a:\n    b = 1\n    \f  c = 2\nd = 3\n"))).toEqual(blocks);
    // A block is deeper with more of one and no fewer of the other.
    expect(kinds(tokenize("if a:\n\tif b:\n\t    c = 1\nd = 2\n")).filter((k) => k === T.Indent)).toHaveLength(2);
    // More tabs with fewer spaces is KCL's error, where a tab taken for eight columns read one level.
    expect(() => tokenize("if a:\n\tb = 1\n        c = 2\n")).toThrow(
      expect.objectContaining({ line: 3, column: 9, message: "inconsistent use of tabs and spaces in indentation" }),
    );
    expect(() => tokenize("if a:\n    b = 1\n\t  c = 2\n")).toThrow("inconsistent use of tabs and spaces in indentation");
  });

  it("reads no indentation on the first line, as KCL's lexer, which looks for it only after a line end", () => {
    expect(kinds(tokenize("  a = 1\nb = 2\n"))).toEqual(kinds(tokenize("a = 1\nb = 2\n")));
    expect(parseKcl("\t a = 1\nb = 2\n").statements).toHaveLength(2);
    // The line after it is indented against none.
    expect(() => parseKcl("  a = 1\n  b = 2\n")).toThrow(expect.objectContaining({ line: 2, message: "unexpected indent" }));
  });

  it("pairs each opening bracket with its closing bracket and each indent with its dedent", () => {
    const tokens = tokenize("schema A:\n    x = f([1], {a: (2)})\ny = 1\n");
    const t = texts(tokens);
    const pair = (open: number): [string, string] => [t[open]!, t[tokens.match[open]!]!];
    const at = (text: string, from = 0): number => t.indexOf(text, from);
    expect(pair(at("("))).toEqual(["(", ")"]);
    expect(tokens.match[at("(")]).toBe(at(")", at("}")));
    expect(tokens.match[at("(", at("a"))]).toBe(at(")", at("2")));
    expect(pair(at("["))).toEqual(["[", "]"]);
    expect(pair(at("{"))).toEqual(["{", "}"]);
    const indent = kinds(tokens).indexOf(T.Indent);
    expect(tokens.kind[tokens.match[indent]!]).toBe(T.Dedent);
    expect(t[tokens.match[indent]! + 1]).toBe("y");
  });

  it("reads Unicode names (XID), past the Basic Multilingual Plane too, as KCL does", () => {
    // U+1D465 (𝑥) is a surrogate pair in a JS string: the name goes on after both halves.
    expect(texts(tokenize("𝑥 = é𝑥1\n$𝑦 = {名前 = 𝑥}\n")).filter((t) => t.trim() !== "")).toEqual(["𝑥", "=", "é𝑥1", "$𝑦", "=", "{", "名前", "=", "𝑥", "}"]);
    expect(() => tokenize("a = 😀\n")).toThrow('unexpected character "😀" (U+1F600)');
  });

  it("skips a byte order mark that starts the text, as KCL's source map drops it; offsets stay the file's", () => {
    const tokens = tokenize("\uFEFFa = 1\n");
    expect(texts(tokens)).toEqual(["a", "=", "1", "\n", ""]);
    expect(tokens.start[0]).toBe(1);
    expect(tokens.source.byteOffset(tokens.start[0]!)).toBe(3);
    // Its line is the first, whose indentation KCL does not read, after it too; one anywhere else is no token either.
    expect([kinds(tokens)[0], kinds(tokenize("\uFEFF  a = 1\n"))[0]]).toEqual([T.Name, T.Name]);
    expect(() => tokenize("a = 1\n\uFEFFb = 2\n")).toThrow(expect.objectContaining({ line: 2, message: 'unexpected character "\uFEFF" (U+FEFF)' }));
    // An error on its line is at the column an editor shows, which does not count it.
    expect(() => tokenize("\uFEFFa = `\n")).toThrow(expect.objectContaining({ line: 1, column: 5 }));
  });

  it("skips what KCL's lexer reads as whitespace besides space, tab and form feed: VT, NEL, direction marks, line and paragraph separators (review kclfuzz S1)", () => {
    for (const space of ["\v", "\u0085", "\u200E", "\u200F", "\u2028", "\u2029"]) {
      const tokens = tokenize(`a =${space} "x"${space}\nb = 1\n`);
      expect(texts(tokens)).toEqual(["a", "=", '"x"', "\n", "b", "=", "1", "\n", ""]);
      // No line end: b is on line 2. An error past one counts it as the one character it is, at the file's bytes.
      expect(tokens.source.line(tokens.start[4]!)).toBe(2);
      expect(tokens.source.byteOffset(tokens.start[2]!)).toBe(4 + Buffer.byteLength(space));
      expect(() => tokenize(`a =${space} \``)).toThrow(expect.objectContaining({ line: 1, column: 6 }));
    }
    // At a line's start it ends the indentation, as in KCL's lexer: the spaces before it are the line's, and at the block's
    // own indentation all is well. An indent or dedent made there KCL's lexer loses (it keeps one only with a token it keeps).
    expect(kinds(tokenize("if a:\n  b = 1\n  \u200E    c = 2\n"))).toEqual(kinds(tokenize("if a:\n  b = 1\n  c = 2\n")));
    expect(() => tokenize("if a:\n  \u200E    b = 1\n")).toThrow(
      expect.objectContaining({ line: 2, column: 3, message: expect.stringContaining("loses the indent") }),
    );
    // A no-break space is none (KCL refuses it too).
    expect(() => tokenize("a =\u00A0 1\n")).toThrow('unexpected character "\u00A0" (U+00A0)');
  });

  it("joins lines ending in a backslash", () => {
    expect(texts(tokenize("a = 1 + \\\n    2\n"))).toEqual(["a", "=", "1", "+", "2", "\n", ""]);
  });

  it("reads a line holding only a continuation backslash as a blank line: it sets no indentation", () => {
    expect(kinds(tokenize("if a:\n    b = 1\n\\\n    c = 2\n"))).toEqual(kinds(tokenize("if a:\n    b = 1\n    c = 2\n")));
  });

  it("takes an upper-case R prefix as raw too", () => {
    const tokens = tokenize('a = R"x\\d"\n');
    expect(texts(tokens)).toEqual(["a", "=", 'R"x\\d"', "\n", ""]);
    expect(tokens.flags[2]).toBe(StringFlag.Raw);
  });

  it("treats LF and CRLF as line ends", () => {
    for (const eol of ["\n", "\r\n"]) {
      const tokens = tokenize(`a = 1${eol}b = "x"${eol}`);
      expect(kinds(tokens).filter((k) => k === T.Newline).length).toBe(2);
      expect(tokens.source.line(tokens.start[4]!)).toBe(2);
    }
  });

  it("reads a CR that no LF follows as whitespace, as KCL does (its source map reads CRLF as LF, its lexer a lone CR as whitespace)", () => {
    expect(texts(tokenize("a = 1\r+ 2\r\n"))).toEqual(["a", "=", "1", "+", "2", "\r\n", ""]);
    expect(() => parseKcl("a = 1\rb = 2\n")).toThrow("expected end of statement, found 'b'");
    // A comment runs over it to the line feed, and a CRLF's CR is no part of it.
    const tokens = tokenize('# one\rimage = "x"\r\nb = 1  # two\r\n');
    const comments = Array.from({ length: tokens.commentCount }, (_, i) => tokens.source.text.slice(tokens.commentStart[i], tokens.commentEnd[i]));
    expect(comments).toEqual(['# one\rimage = "x"', "# two"]);
    expect(texts(tokens)).toEqual(["b", "=", "1", "\r\n", ""]);
    // A backslash before it continues no line; at a line's start it ends the indentation as other whitespace does.
    expect(() => tokenize("a = 1 + \\\r2\n")).toThrow("a line continuation must end the line");
    expect(texts(tokenize("a = 1 + \\\r\n2\n"))).toEqual(["a", "=", "1", "+", "2", "\n", ""]);
    expect(kinds(tokenize("if a:\n    b = 1\n    \r  c = 2\n"))).toEqual(kinds(tokenize("if a:\n    b = 1\n    c = 2\n")));
  });

  it.each([
    ['a = "open\n', "unterminated string", 1, 5],
    // A quote later in the file does not close it across the line end.
    ['a = "open\nb = "\n', "unterminated string", 1, 5],
    // A CR ends one too, one that no LF follows as well, after a backslash escape as well.
    ['a = "x\\\\y\rb = 1"\r', "unterminated string", 1, 5],
    ['a = """never closed\n', "unterminated triple-quoted string", 1, 5],
    ["a = (1\n", "'(' is never closed", 1, 5],
    // A stray or mismatched closer, in KCL's lexer's words for each (crates/parser/src/lexer/mod.rs).
    ["a = 1)\n", "error nesting on close paren", 1, 6],
    ["a = [1}\n", "error nesting on close brace", 1, 7],
    ["a = {b = 1}}\n", "error nesting on close brace", 1, 12],
    ["a = (1]\n", "mismatched closing delimiter", 1, 7],
    ["a = 1x\n", 'invalid number "1x"', 1, 5],
    ["a = $ + 1\n", "'$' must start an identifier", 1, 5],
    ["if a:\n        b = 1\n    c = 2\n", "unindent does not match any outer indentation level", 3, 5],
    ["a = 1 ! 2\n", "unexpected character '!'", 1, 7],
    ['a = "${x"\n', "'${' is never closed in this string", 1, 6],
    ['a = "ok ${x} then ${y \\" z"\n', "'${' is never closed in this string", 1, 19],
    // KCL's lexer refuses every ';' (RedundantSemicolon), between statements and after one alike; lines counted as
    // editors show them, a lone CR ending one.
    ['a = 1; b = "nginx:1.0"\n', "KCL refuses every semicolon", 1, 6],
    ['b = "nginx:1.0";\n', "the semicolon ';' here is unnecessary, please remove it", 1, 16],
    ["x = {\r    a = 1\r}\r\nb = 2;\n", "KCL refuses every semicolon", 4, 6],
  ])("refuses %j with a position", (text, message, line, column) => {
    const error = (() => {
      try {
        tokenize(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ line, column });
    expect((error as Error).message).toContain(message);
  });
});

describe("tryTokenize", () => {
  it("gives the tokens of text KCL lexes, and none for text it cannot lex", () => {
    expect(tryTokenize('a = "x"\n')?.count).toBe(tokenize('a = "x"\n').count);
    expect(tryTokenize('a = "open\n')).toBeUndefined();
  });
});

describe("isName", () => {
  it("takes a text that tokenizes as one name, $-escaped or not; a keyword is one too, which isKeyword tells", () => {
    expect(["a", "_a1", "$type", "é", "𝑥1", "if"].filter(isName)).toEqual(["a", "_a1", "$type", "é", "𝑥1", "if"]);
  });

  it("refuses anything else", () => {
    expect(["", "$", "1a", "b-c", "d?", "a b", "a\n", '"a"', "😀", "a😀"].filter(isName)).toEqual([]);
  });
});

describe("tokenize over the corpora", () => {
  it("reads every valid program of corpus-kcl-grammar, corpus-konfig and corpus-flask-demo", () => {
    const files = validCorpusFiles();
    const failures: string[] = [];
    for (const file of files) {
      try {
        tokenize(readFileSync(file, "utf8"));
      } catch (e) {
        failures.push(`${file}: ${(e as Error).message}`);
      }
    }
    console.log(`tokenized ${files.length - failures.length}/${files.length} valid KCL corpus files`);
    expect(files.length).toBeGreaterThan(1500);
    expect(failures).toEqual([]);
  });

  it("pairs brackets and indents in every corpus program as a stack over the token kinds does", () => {
    const opens = new Map<number, number>([
      [T.RParen, T.LParen],
      [T.RBracket, T.LBracket],
      [T.RBrace, T.LBrace],
      [T.Dedent, T.Indent],
    ]);
    let pairs = 0;
    const mismatches: string[] = [];
    for (const file of validCorpusFiles()) {
      const tokens = tokenize(readFileSync(file, "utf8"));
      const stack: number[] = [];
      for (let i = 0; i < tokens.count; i++) {
        const k = tokens.kind[i]!;
        if (k === T.LParen || k === T.LBracket || k === T.LBrace || k === T.Indent) stack.push(i);
        else if (opens.has(k)) {
          const open = stack.pop()!;
          pairs++;
          if (tokens.kind[open] !== opens.get(k) || tokens.match[open] !== i) mismatches.push(`${file}: token ${open}`);
        }
      }
    }
    expect(pairs).toBeGreaterThan(5_000);
    expect(mismatches).toEqual([]);
  });

  /** Every string literal that is the value of a config entry. */
  function configStrings(items: readonly ConfigItem[], out: StringExpr[]): void {
    for (const item of items) {
      if (item.type === "entry") valueStrings(item.value, out);
      else if (item.type === "if") item.branches.forEach((b) => configStrings(b, out));
    }
  }
  function valueStrings(expr: ListItem, out: StringExpr[]): void {
    if (expr.type === "string") out.push(expr);
    else if (expr.type === "if") expr.branches.forEach((b) => b.forEach((e) => valueStrings(e, out)));
    else if (expr.type === "config") configStrings(expr.items, out);
    else if (expr.type === "schema") configStrings(expr.config.items, out);
    else if (expr.type === "list") expr.items.forEach((e) => valueStrings(e, out));
  }

  it("re-tokenizes to the same stream when any config string literal is replaced (property)", () => {
    const literals: { text: string; token: number }[] = [];
    for (const file of validCorpusFiles()) {
      const text = readFileSync(file, "utf8");
      const module = parseKcl(text);
      const found: StringExpr[] = [];
      for (const s of module.statements) if (s.type === "assign" || s.type === "unification") valueStrings(s.value, found);
      for (const s of found) literals.push({ text, token: s.token });
    }
    expect(literals.length).toBeGreaterThan(1000);
    const value = fc
      .array(fc.constantFrom("a", "Z", "0", ":", "/", '"', "'", "\\", "$", "{", "}", "#", " ", "\t", "\n", "中", "😀", "\x01"), { maxLength: 12 })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(fc.nat(literals.length - 1), value, (pick, replacement) => {
        const { text, token } = literals[pick]!;
        const before = tokenize(text);
        const start = before.start[token]!;
        const end = before.end[token]!;
        const style = readStringLiteral(text.slice(start, end)).style;
        // A triple-quoted value is dedented on reading: keep replacements on one line there.
        const v = style.triple ? replacement.replace(/[\n\r]/g, "") : replacement;
        const literal = writeStringLiteral(v, style);
        const after = tokenize(text.slice(0, start) + literal + text.slice(end));
        const delta = literal.length - (end - start);
        expect(after.count).toBe(before.count);
        expect(Array.from(after.kind)).toEqual(Array.from(before.kind));
        for (let i = 0; i < before.count; i++) {
          if (i === token) continue;
          expect(after.start[i]).toBe(before.start[i]! + (i > token ? delta : 0));
          expect(after.end[i]).toBe(before.end[i]! + (i > token ? delta : 0));
        }
        expect(stringLiteralValue(literal)).toBe(v);
        expect(after.flags[token]! & StringFlag.Interpolated).toBe(0);
      }),
      { seed: 20261123, numRuns: 400 },
    );
  });
});
