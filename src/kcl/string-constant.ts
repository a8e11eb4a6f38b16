/**
 * Top-level string constants: a name a KCL file's top-level statements assign once, a plain string
 * (`_reg = "ghcr.io"`), and nothing else sets (no `_reg += ...`, no `_reg = ...` in a top-level `if`
 * block). A reference built on one, and a split image's registry that is one (`registry = _reg`,
 * `registry = "${_reg}"`), read as that string: the editor and `--set`'s stale-digest advice find them
 * here, so both read a pair's registry alike.
 */
import { nodeText } from "./nodes.js";
import { parenthesized } from "./parenthesized.js";
import { readStringLiteral, stringLiteralValue } from "./string-literal.js";
import type { Expr, Statement } from "./syntax.js";
import { StringFlag, T, type Tokens } from "./tokenizer.js";

/** A name's top-level assignments in file order, each as the token of the plain string it assigns (undefined for any other value). */
export type Assigned = ReadonlyMap<string, readonly (number | undefined)[]>;

/**
 * Each name's top-level assignments (Assigned), read in one pass, so that the warnings asking where a
 * variable is set stay linear in the file.
 */
export function assignedStrings(statements: readonly Statement[], tokens: Tokens): Assigned {
  const assigned = new Map<string, (number | undefined)[]>();
  const add = (name: string, held: number | undefined) => {
    const list = assigned.get(name);
    if (list) list.push(held);
    else assigned.set(name, [held]);
  };
  for (const s of statements) {
    if (s.type === "assign") {
      const held = s.value.type === "string" && !(tokens.flags[s.value.token]! & StringFlag.Interpolated) ? s.value.token : undefined;
      for (const name of new Set(s.targets)) add(name, held);
    } else if (s.type === "aug-assign" || s.type === "unification") add(s.target, undefined);
    // `if cond: _reg = "b.io"` at the top level sets a module name too: KCL lets a private one change.
    else if (s.type === "other" && (s.construct === "if block" || s.construct === "for block")) {
      for (const name of blockAssigned(tokens, s.first, s.last)) add(name, undefined);
    }
  }
  return assigned;
}

const STATEMENT_START: ReadonlySet<number> = new Set([T.Newline, T.Indent, T.Dedent, T.Colon]);
const ASSIGNING: ReadonlySet<number> = new Set([T.Assign, T.AugAssign, T.PlusAssign, T.Colon]);

/**
 * The names a skipped block's statements assign (`x = v`, `x += v`, `x: T = v`), as `a = b = v`'s every
 * target: read from its tokens, brackets stepped over, so that a config entry's key is no name. It may
 * count a keyword (`else:`), which is never a constant: only ever more names, so a constant is never
 * read where the block might set it.
 */
function blockAssigned(tokens: Tokens, first: number, last: number): string[] {
  const { kind, match } = tokens;
  const names: string[] = [];
  for (let t = first; t <= last; t++) {
    const k = kind[t]!;
    if (k === T.LParen || k === T.LBracket || k === T.LBrace) t = match[t]!;
    else if (k === T.Name && t > first && (STATEMENT_START.has(kind[t - 1]!) || kind[t - 1] === T.Assign) && ASSIGNING.has(kind[t + 1]!))
      names.push(nodeText(tokens, { first: t, last: t }));
  }
  return names;
}

/** The string token of the top-level string constant `name`: where the file assigns it once at the top level, a plain string. */
export function stringConstant(assigned: Assigned, name: string): number | undefined {
  const held = assigned.get(name);
  return held?.length === 1 ? held[0] : undefined;
}

/**
 * The top-level string constant a value is as a whole, its name and string token: a name (`_reg`) or an
 * interpolation of one alone (`"${_reg}"`); undefined for any other value (another variable, a longer
 * interpolation, a call), which KCL computes from what this run does not read.
 */
function constantValue(tokens: Tokens, assigned: Assigned, value: Expr): { readonly name: string; readonly token: number } | undefined {
  const name =
    value.type === "name"
      ? value.name
      : value.type === "string"
        ? /^\$\{\s*([A-Za-z_]\w*)\s*\}$/.exec(readStringLiteral(nodeText(tokens, { first: value.token, last: value.token })).body)?.[1]
        : undefined;
  const token = name === undefined ? undefined : stringConstant(assigned, name);
  return token === undefined ? undefined : { name: name!, token };
}

/**
 * The string a split image's registry value names, as the editor and `--set`'s stale-digest advice both read it:
 * a plain string literal, or the top-level string constant the value is (constantValue), in parentheses or not
 * (`("ghcr.io")`, `("${_reg}")`, `(_reg)`), as KCL reads the literal (stringLiteralValue: a triple-quoted one
 * dedented, its escapes decoded); undefined for any other value, which KCL computes. `constant` names the
 * constant it is read through.
 */
export function registryString(tokens: Tokens, assigned: Assigned, value: Expr): { readonly text: string; readonly constant?: string } | undefined {
  const held = parenthesized(tokens, value) ?? value;
  if (held.type === "string" && !(tokens.flags[held.token]! & StringFlag.Interpolated)) return { text: registryLiteral(tokens, held.token) };
  const constant = constantValue(tokens, assigned, held);
  return constant && { text: registryLiteral(tokens, constant.token), constant: constant.name };
}

/** The string a registry's plain string literal (token `token`) is, as KCL reads it: a triple-quoted one dedented, escapes decoded. */
export function registryLiteral(tokens: Tokens, token: number): string {
  return stringLiteralValue(nodeText(tokens, { first: token, last: token }));
}
