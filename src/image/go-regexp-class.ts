/**
 * Go's character classes (`[a-z]`, `\d`, `[[:alpha:]]`, `\pL`, `.`, folded under `(?i)`) as sets
 * of code points. A set is written as a JS class (flag `v`), whose Unicode properties and case
 * folding match Go's, and tested one code point at a time: a single class cannot backtrack.
 */

/** A set of code points the matcher tests one at a time. */
export interface CodePointSet {
  has(cp: number): boolean;
}

/** Go's `.`: every character but `\n`. */
export const DOT: CodePointSet = { has: (cp) => cp !== 0x0a };
/** Go's `.` under `(?s)`: every character. */
export const DOT_ALL: CodePointSet = { has: () => true };

/** A set written as JS class syntax; `source` is the whole class (`[…]`). */
export class ClassSet implements CodePointSet {
  private readonly regexp: RegExp;
  /** Answers for the first 256 code points, filled on first test: 0 unknown, 1 in, 2 out. Tags are ASCII. */
  private readonly known = new Uint8Array(256);

  constructor(readonly source: string) {
    this.regexp = new RegExp(`^${source}$`, "v");
  }

  has(cp: number): boolean {
    if (cp >= 256) return this.regexp.test(String.fromCodePoint(cp));
    if (this.known[cp] === 0) this.known[cp] = this.regexp.test(String.fromCodePoint(cp)) ? 1 : 2;
    return this.known[cp] === 1;
  }
}

/** A set's contents: `body` is JS class contents; `negated`: the set is everything else. */
export interface ClassBody {
  readonly body: string;
  readonly negated: boolean;
}

/** Go's `\s`: ASCII white space only (JS's `\s` also matches U+00A0, U+2028, …). */
export const GO_SPACE = "\\x09\\x0a\\x0c\\x0d\\x20";

/** Go's POSIX classes (`[[:alpha:]]`), as JS class contents. */
export const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7f",
  blank: "\\x09\\x20",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "\\x21-\\x7e",
  lower: "a-z",
  print: "\\x20-\\x7e",
  punct: "\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e",
  space: "\\x09-\\x0d\\x20",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** A literal code point as a JS escape that means exactly that character inside a class. */
export function literal(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCodePoint(cp);
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, "0")}` : `\\u{${cp.toString(16)}}`;
}

/** Go's general categories (its unicode.Categories), which JS spells alike. */
const GO_CATEGORIES: ReadonlySet<string> = new Set(
  "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" "),
);

/**
 * Go's scripts (its unicode.Scripts, of Unicode 15.0 as from Go 1.21), which JS spells
 * `Script=…`. Named here because JS also takes what Go refuses: short aliases (`Grek`),
 * Katakana_Or_Hiragana, Unknown and the scripts of later Unicode versions.
 */
const GO_SCRIPTS: ReadonlySet<string> = new Set(
  (
    "Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid " +
    "Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari " +
    "Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han " +
    "Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada " +
    "Katakana Kawi Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani " +
    "Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi " +
    "Mongolian Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian " +
    "Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya Pahawh_Hmong Palmyrene " +
    "Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng " +
    "Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta " +
    "Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square"
  ).split(" "),
);

/**
 * Go's `\pL`, `\p{Greek}`, `\P{^Lu}` as a set with a JS property escape; undefined for a name
 * Go does not know: Any, a general category or a script, spelt exactly. (Go 1.25 also takes
 * other spellings and aliases, `\p{Letter}`, `\p{greek}`, and Cn, LC, ASCII, Assigned.)
 */
export function unicodeClass(name: string, negated: boolean): ClassBody | undefined {
  let negate = negated;
  let property = name;
  if (property.startsWith("^")) {
    negate = !negate;
    property = property.slice(1);
  }
  const jsName = property === "Any" || GO_CATEGORIES.has(property) ? property : GO_SCRIPTS.has(property) ? `Script=${property}` : undefined;
  return jsName === undefined ? undefined : { body: `\\p{${jsName}}`, negated: negate };
}

let caseChangingCodePoints: string | undefined;

/**
 * Every code point that changes under case folding or case mapping (Unicode's CWCF and CWCM
 * properties). These include every member of each case-folding class larger than one, so folding
 * a set can only add some of them. Found by scanning all of Unicode once, on first need (~60 ms).
 */
function caseChanging(): string {
  if (caseChangingCodePoints === undefined) {
    const changes = new RegExp("[\\p{Changes_When_Casefolded}\\p{Changes_When_Casemapped}]", "gv");
    const found: string[] = [];
    for (let block = 0; block < 0x110000; block += 0x1000) {
      const cps = Array.from({ length: 0x1000 }, (_, i) => block + i).filter((cp) => cp < 0xd800 || cp > 0xdfff);
      found.push(...(String.fromCodePoint(...cps).match(changes) ?? []));
    }
    caseChangingCodePoints = found.join("");
  }
  return caseChangingCodePoints;
}

/**
 * What Go's case folding adds to a set (`body`, JS class contents): the code points outside it
 * that fold like one inside, as JS class contents. JS's `i` flag folds as Go does (Unicode simple
 * case folding), so it finds them.
 */
export function foldedExtras(body: string): string {
  const plain = new RegExp(`[${body}]`, "v");
  const folded = caseChanging().match(new RegExp(`[${body}]`, "giv")) ?? [];
  return folded
    .filter((ch) => !plain.test(ch))
    .map((ch) => literal(ch.codePointAt(0)!))
    .join("");
}
