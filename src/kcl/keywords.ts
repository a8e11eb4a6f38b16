/**
 * The words the parser decides on (KCL keywords and the names it treats specially),
 * recognized in place in the text: the parser asks about most name tokens, and a
 * substring or `startsWith` per question cost more than the rest of its work on them.
 */
import { T, type Tokens } from "./tokenizer.js";

/** Keyword ids; `Other` is any other name (and any token that is not a name). */
export const Keyword = {
  Other: 0,
  Import: 1,
  Type: 2,
  Schema: 3,
  Rule: 4,
  Protocol: 5,
  Mixin: 6,
  If: 7,
  Elif: 8,
  Else: 9,
  For: 10,
  Assert: 11,
  Check: 12,
  Lambda: 13,
  All: 14,
  Any: 15,
  Map: 16,
  Filter: 17,
  And: 18,
  Or: 19,
  In: 20,
  As: 21,
  Not: 22,
  Is: 23,
  TrueValue: 24,
  FalseValue: 25,
  NoneValue: 26,
  UndefinedValue: 27,
} as const;

const WORDS: Record<string, number> = {
  import: Keyword.Import,
  type: Keyword.Type,
  schema: Keyword.Schema,
  rule: Keyword.Rule,
  protocol: Keyword.Protocol,
  mixin: Keyword.Mixin,
  if: Keyword.If,
  elif: Keyword.Elif,
  else: Keyword.Else,
  for: Keyword.For,
  assert: Keyword.Assert,
  check: Keyword.Check,
  lambda: Keyword.Lambda,
  all: Keyword.All,
  any: Keyword.Any,
  map: Keyword.Map,
  filter: Keyword.Filter,
  and: Keyword.And,
  or: Keyword.Or,
  in: Keyword.In,
  as: Keyword.As,
  not: Keyword.Not,
  is: Keyword.Is,
  True: Keyword.TrueValue,
  False: Keyword.FalseValue,
  None: Keyword.NoneValue,
  Undefined: Keyword.UndefinedValue,
};

/**
 * The words KCL reserves: no statement can assign one (`True = 1` is refused), and a key that
 * is one is written quoted. Not `type`, which the parser decides on but KCL's lexer does not
 * reserve: it opens a type alias only before a name (`type X = …`) and is a name elsewhere.
 */
export const RESERVED: ReadonlySet<string> = new Set(Object.keys(WORDS).filter((word) => word !== "type"));

const MAX_LENGTH = 9;

/** Candidates by length and first code unit (at most three share both: `if`/`in`/`is`, `all`/`and`/`any`). */
const CANDIDATES: (readonly { word: string; id: number }[] | undefined)[] = Array.from({ length: (MAX_LENGTH + 1) * 128 }, () => undefined);
for (const [word, id] of Object.entries(WORDS)) {
  const slot = word.length * 128 + word.charCodeAt(0);
  CANDIDATES[slot] = [...(CANDIDATES[slot] ?? []), { word, id }];
}

/** The Keyword of the name `text[start, end)`, Keyword.Other when it is none of them. */
export function keywordOf(text: string, start: number, end: number): number {
  const length = end - start;
  if (length > MAX_LENGTH) return Keyword.Other;
  const first = text.charCodeAt(start);
  if (first >= 128) return Keyword.Other;
  const candidates = CANDIDATES[length * 128 + first];
  if (candidates === undefined) return Keyword.Other;
  next: for (const { word, id } of candidates) {
    for (let i = 1; i < length; i++) if (text.charCodeAt(start + i) !== word.charCodeAt(i)) continue next;
    return id;
  }
  return Keyword.Other;
}

// Read once: the parser asks about most name tokens, and an imported binding may be compiled to a getter.
const NAME = T.Name;

/** The Keyword of token `at` (Keyword.Other for other names and for any other token). */
export function keywordAt(tokens: Tokens, at: number): number {
  return tokens.kind[at] === NAME ? keywordOf(tokens.source.text, tokens.start[at]!, tokens.end[at]!) : Keyword.Other;
}
