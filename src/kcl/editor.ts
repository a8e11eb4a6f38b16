/**
 * The KCL image editor (DESIGN §2.6–2.7): image string literals matched by repository, and
 * string literals carrying a Flux setter marker in their line's comment. Only the bytes
 * between the quotes change, and of a literal written with escapes only the characters that
 * differ. Literals that are not exactly an image reference (`${...}` interpolations, anything
 * with spaces or quotes) are never touched, nor is anything inside a comment.
 */
import {
  fullEditRequest,
  versionNoteWarning,
  publicResult,
  SourceError,
  type EditRequest,
  type EditResult,
  type FieldChangeAbout,
  type FieldEditResult,
  type FieldWarning,
  type FullEditRequest,
  type WarningKind,
} from "../change.js";
import { formatImageRef, normalizeRepository, screenToken, tryParseImageRef, type ImageRef } from "../image/reference.js";
import { MARKER_KEY, MarkedFields, readMarker, type Marker } from "../image/marker.js";
import { misfitWarning, registryJoinWarning } from "../image/marker-misfit.js";
import {
  IMAGE_KEY,
  nextSplitImage,
  SPLIT_IMAGE_KEYS,
  splitImage,
  splitImageName,
  unknownRegistryImages,
  unknownRegistryWarning,
  type SplitVersion,
} from "../image/split-image.js";
import { bareFieldWarning, byRepository, nextReference, nextVersion, staleImageIn, versionOf, type ImageUpdate, type VersionNote } from "../image/update.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { escapedEdit, type Decoded } from "../text/escaped-edit.js";
import { partitionPoint } from "../text/partition-point.js";
import { wordScreen } from "../text/word-screen.js";
import { applySplices, byPosition, type Splice } from "../text/splice.js";
import { Keyword, keywordAt } from "./keywords.js";
import { markerComments, misplacedMarkerWarning } from "./markers.js";
import { nodeText } from "./nodes.js";
import { formatOverridePath } from "./override-spec.js";
import { parseKcl } from "./parser.js";
import { holding, holds, literalTypes, operatorsOver, skippedConstruct } from "./skipped.js";
import { isNoneValue } from "./spec-value.js";
import { parenthesized } from "./parenthesized.js";
import { assignedStrings, registryLiteral, registryString, stringConstant, type Assigned } from "./string-constant.js";
import { decodeEscapes, readStringLiteral } from "./string-literal.js";
import type { AssignStatement, ConfigEntry, ConfigItem, ConfigKey, Expr, ListItem, Statement, StringExpr } from "./syntax.js";
import { StringFlag, T, tryTokenize, type Tokens } from "./tokenizer.js";

/** What a string literal holds: the text between its quotes (start to end), as KCL reads it. */
interface Literal {
  readonly body: string;
  readonly start: number;
  readonly end: number;
  /** Where a plain single-line literal is written with escapes: `body` is their value, decoded from the source here. */
  readonly escapes?: Decoded;
}

/**
 * Where a literal sits: a statement target, then entry keys and list indexes. Made into
 * text only for a change: building every literal's path cost more than the parse.
 */
type KeyPath = { readonly parent: undefined; readonly target: string } | { readonly parent: KeyPath; readonly step: ConfigEntry | number };

/**
 * What the overrides of a file set, for what its interpolations' warnings would ask for: an
 * interpolation they take care of is not warned about (the advice of its warning was followed).
 */
export interface Overridden {
  /** Repositories a configured override sets in the file (overriddenIn): every interpolation building their references. */
  readonly repositories?: ReadonlySet<string>;
  /**
   * Paths a `--set` spec sets in the file, as formatOverridePath writes them (`_tag`, `cfg.tag`):
   * an interpolation whose version is such a variable, or that is in such a field, or anything in either.
   */
  readonly paths?: ReadonlySet<string>;
}

/**
 * A split-image field of a config (SPLIT_IMAGE_KEYS): its string literal's token, and where its entry is; or
 * its `image` (IMAGE_KEY), whatever that holds, by its key's first token: only that it is there is read.
 */
interface SplitField {
  readonly path: KeyPath;
  readonly token: number;
  /** A registry that is no plain string literal (`_reg`, `"${reg}"`, a call), by its value's first token: what it names is read by registryText. */
  readonly value?: Expr;
}

/** A config as KCL reads its entries (ImageEditor.readEntries): its split-image fields, and the configs its keys hold. */
interface ReadConfig {
  readonly fields: Map<string, SplitField>;
  readonly configs: Map<string, ReadConfig>;
}

function newReadConfig(): ReadConfig {
  return { fields: new Map(), configs: new Map() };
}

/** The config `key` holds in `config`, merged into unless `replace` (an `=` entry), which starts it anew. */
function childConfig(config: ReadConfig, key: string, replace: boolean): ReadConfig {
  let child = config.configs.get(key);
  if (child === undefined || replace) config.configs.set(key, (child = newReadConfig()));
  return child;
}

/**
 * Whether KCL reads config entries `items` as more than each entry's own value: a dotted key
 * (`image.tag = "1"`, a nested config) or a key given two configs (`image: {…}` twice), which
 * merge. Most configs have neither, and their nested literals are read where the walk meets them.
 */
function mergesEntries(items: readonly ConfigItem[]): boolean {
  let configKeys: Set<string> | undefined;
  for (const item of items) {
    if (item.type !== "entry" || item.key.parts === undefined) continue;
    if (item.key.parts.length > 1) return true;
    if (item.value.type !== "config" && item.value.type !== "schema") continue;
    const key = item.key.parts[0]!;
    if (configKeys?.has(key)) return true;
    (configKeys ??= new Set()).add(key);
  }
  return false;
}

/** The most string literals a concatenation building a reference is read over (literalRun). */
const JOINED_LITERALS = 6;

/** A value must not be able to end the string or start an interpolation. */
function assertSafeBody(value: string, line: number): void {
  if (/["'\\\r\n]|\$\{/.test(value)) throw new SourceError(`refusing to write ${JSON.stringify(value)} into a KCL string`, line);
}

class ImageEditor {
  readonly edits: { splice: Splice; change: FieldChangeAbout }[] = [];
  readonly warnings: FieldWarning[] = [];
  readonly marked: MarkedFields;
  readonly text: string;
  readonly screens: readonly string[];
  /** `/web:` for ghcr.io/acme/web: how a reference built on a registry variable (`_registry + "/web:"`) shows in the text. */
  readonly tails: readonly string[];
  readonly incoming: ReadonlyMap<string, ImageUpdate>;
  /**
   * Repositories a marker or a configured override sets in this file: an interpolation building
   * their reference is already taken care of (the advice of its warning was followed).
   */
  readonly setInFile: Set<string>;
  /** String tokens a marker comment claims (set, or refused with a warning), or a Helm-style pair decides: never matched by repository alone. */
  readonly claimed = new Set<number>();
  /** String tokens the walk met outside interpolations, edited or not: the others are where matching by repository never goes. */
  readonly reached = new Set<number>();
  /** Each split image's repository string token with a registry field beside it, read by the walk for a :name marker's write (registryJoin). */
  readonly registries = new Map<number, { readonly repository: SplitField; readonly registry: SplitField }>();
  /** Paths a `--set` sets (Overridden.paths). */
  readonly setPaths: readonly string[];
  /** The literal-typed assignments in file order, for typedAt. */
  readonly typedInOrder: readonly AssignStatement[];
  /** Where the walk met strings, kept only when a `--set` may set their field (it answers for their warnings). */
  readonly fieldAt = new Map<number, KeyPath>();
  /** Each name's top-level assignments (assignedStrings), read once, when a warning first asks. */
  #assigned: Assigned | undefined;

  constructor(
    readonly tokens: Tokens,
    readonly request: FullEditRequest,
    overridden: Overridden,
    /** Assignments left for their literal type (literalTypes), with that type. */
    readonly literalTyped: ReadonlyMap<AssignStatement, string>,
    /** The file's top-level statements. */
    readonly statements: readonly Statement[],
  ) {
    this.typedInOrder = [...literalTyped.keys()];
    this.setInFile = new Set(overridden.repositories);
    this.setPaths = [...(overridden.paths ?? [])];
    this.text = tokens.source.text;
    this.screens = request.images.map((u) => screenToken(u.image));
    this.tails = request.images.map((u) => registryTail(u.image));
    this.incoming = byRepository(request.images);
    this.marked = new MarkedFields(request);
  }

  walk(expr: Expr, path: KeyPath): void {
    switch (expr.type) {
      case "string":
        return this.visit(expr, path);
      case "other": {
        const string = this.stringValue(expr);
        return string && this.visit(string, path);
      }
      case "schema":
        return this.walkItems(expr.config.items, path);
      case "config":
        return this.walkItems(expr.items, path);
      case "list":
        return expr.items.forEach((item, i) => this.walkListItem(item, { parent: path, step: i }));
      case "operation": {
        // Only a concatenation or union holds the image as its value; `==`, `and`, `%`, ... use it otherwise.
        const over = operatorsOver(expr);
        return expr.operands.forEach((operand, i) => over[i] === undefined && this.walk(operand, path));
      }
      default:
        return;
    }
  }

  /** An `if` item's items take its place in the list: `[a, if c: b]` reports b as `[1]`. */
  walkListItem(item: ListItem, path: KeyPath): void {
    if (item.type !== "if") return this.walk(item, path);
    for (const branch of item.branches) for (const inner of branch) this.walkListItem(inner, path);
  }

  walkItems(items: readonly ConfigItem[], path: KeyPath): void {
    this.helmImages(items, path);
    for (const item of items) {
      if (item.type === "entry") {
        this.walk(item.value, { parent: path, step: item });
      } else if (item.type === "if") {
        for (const branch of item.branches) this.walkItems(branch, path);
      }
    }
  }

  /**
   * An image held as Helm values hold one, `repository` (or `name`, with an optional
   * `registry`) beside `tag` (and `digest`), all string literals: when the repository is an
   * incoming one, the tag and digest move on under the decision helm.ts makes in YAML
   * (nextSplitImage: a `tag = "1.0.0@sha256:…"` pin is kept, an incoming digest with no digest
   * field is said at the pair). Its literals are then claimed: the repository alone is no news.
   * The fields are those of the config as KCL reads these entries (readEntries): dotted keys
   * (`image.tag = "1"`) and a key's configs merged, within this literal; a pair whose fields
   * only another statement or a `|` operand brings together is not read as one. A registry field
   * beside a repository, with or without a tag, is kept for a :name marker's warning (registryJoin).
   */
  helmImages(items: readonly ConfigItem[], path: KeyPath): void {
    if (!mergesEntries(items)) {
      if (!items.some((item) => item.type === "entry" && (this.isKey(item.key, "tag") || this.isKey(item.key, "registry")))) return;
      return this.helmImage(this.readEntries(items, path, false), () => this.pathText(path));
    }
    const visit = (config: ReadConfig, at: readonly string[]): void => {
      if (config.fields.has("tag") || config.fields.has("registry"))
        this.helmImage(config, () => (at.length === 0 ? this.pathText(path) : formatOverridePath(at, this.pathText(path))));
      for (const [key, inner] of config.configs) visit(inner, [...at, key]);
    };
    visit(this.readEntries(items, path, true), []);
  }

  /**
   * The split-image fields of the config entries `items` (at `path`) make, as KCL reads them: a
   * later entry of a key wins, and with `nested`, a dotted key is configs nested in one another
   * (`image.tag = "1"` is `image: {tag = "1"}`), and a key's config values merge, but for one given
   * with `=`, which replaces what the key held (KCL's config operators).
   */
  readEntries(items: readonly ConfigItem[], path: KeyPath, nested: boolean, into: ReadConfig = newReadConfig()): ReadConfig {
    for (const item of items) {
      if (item.type !== "entry" || item.key.parts === undefined || (!nested && item.key.parts.length !== 1)) continue;
      const { parts } = item.key;
      const entryPath: KeyPath = { parent: path, step: item };
      let config = into;
      for (const [i, part] of parts.entries()) {
        // A container's `image`, a string or not (`image.name = …`), makes its `name` no repository (splitImage).
        if (part === IMAGE_KEY) config.fields.set(part, { path: entryPath, token: item.key.first });
        if (i < parts.length - 1) config = childConfig(config, part, false);
      }
      const key = parts[parts.length - 1]!;
      const string = this.stringValue(item.value);
      const nestedConfig = item.value.type === "config" || item.value.type === "schema";
      if (string !== undefined && !(this.tokens.flags[string.token]! & StringFlag.Interpolated)) {
        if (SPLIT_IMAGE_KEYS.has(key)) config.fields.set(key, { path: entryPath, token: string.token });
      } else if (key === "registry" && !nestedConfig) {
        // A registry KCL computes is the pair's too, whatever it names (registryText): not the repository alone. None or
        // Undefined is no registry, as YAML's null is (Helm drops the key).
        if (!isNoneValue(this.tokens, item.value)) config.fields.set(key, { path: entryPath, token: item.value.first, value: item.value });
      } else if (string === undefined && nested && nestedConfig) {
        const { items: inner } = item.value.type === "config" ? item.value : item.value.config;
        this.readEntries(inner, entryPath, true, childConfig(config, key, item.operator === "="));
      }
    }
    return into;
  }

  /** The string literal an expression is, as KCL reads it: a literal, or one in parentheses (`("app:1.0")`). */
  stringValue(expr: Expr): StringExpr | undefined {
    if (expr.type === "string") return expr;
    const held = parenthesized(this.tokens, expr);
    return held?.type === "string" ? held : undefined;
  }

  /** A Helm-style image in `config`'s fields (helmImages), `pair` naming where the config is. */
  helmImage(config: ReadConfig, pair: () => string): void {
    const { repository, registry, tag, digest } = splitImage((key) => config.fields.get(key));
    if (repository && registry && !this.registries.has(repository.token)) this.registries.set(repository.token, { repository, registry });
    if (!repository || !tag) return;
    const fields = [repository, tag, registry, digest].filter((f) => f !== undefined);
    // A marked field belongs to its marker; so does the rest of its config, which is then no news (its tag is set there).
    if (fields.some((f) => this.claimed.has(f.token))) {
      for (const f of fields) this.claimed.add(f.token);
      return;
    }
    const repositoryText = this.literal(repository.token).body;
    const registryText = registry && this.registryText(registry);
    const tagLiteral = this.literal(tag.token);
    const tagKey = this.pathText(tag.path);
    const version = { tag: tagLiteral.body, digest: digest && this.literal(digest.token).body };
    // The chart pulls `<registry>/<repository>`: where the registry is not known, neither is the image, so nothing moves.
    if (registry && registryText === undefined) return this.warnUnknownRegistry(registry, repositoryText, tagLiteral, tagKey, version);
    const name = splitImageName(registryText, repositoryText);
    const update = this.incoming.get(normalizeRepository(name) ?? "");
    if (!update) return;
    for (const f of fields) this.claimed.add(f.token);
    const { next, say } = nextSplitImage(update, version);
    say(this.versionNote(tagLiteral, tagKey, update.image.repository), this.versionNote(tagLiteral, pair(), update.image.repository));
    // The tag and digest name no image by themselves: the change names the repository its config holds.
    const { repository: named } = update.image;
    if (next?.tag !== undefined) this.write(tagLiteral, next.tag, "kcl-image", tagKey, named);
    if (digest && next?.digest !== undefined) this.write(this.literal(digest.token), next.digest, "kcl-image", this.pathText(digest.path), named);
  }

  /**
   * What a split image's registry field names: its string literal's text, or that of the top-level string constant it is
   * (`registry = _reg`, `registry = "${_reg}"`, `(_reg)`, as a reference built on one is read), as `--set`'s stale-digest
   * advice reads it (registryString); undefined for any other value (another variable, a longer interpolation, a call),
   * which KCL computes from what this run does not read.
   */
  registryText(field: SplitField): string | undefined {
    // Read as `--set`'s advice reads it: the editor's literal body of a triple-quoted one is neither dedented nor decoded.
    const { value } = field;
    return value === undefined ? registryLiteral(this.tokens, field.token) : registryString(this.tokens, this.assigned(), value)?.text;
  }

  /**
   * A pair whose registry this run cannot read (registryText) is no image it knows, so its tag is left; said where an incoming
   * image may be the one it names (its repository after some registry, or alone) and its tag would move, naming the
   * registry field and what to do, so that a run leaving it does not read as one where every field is up to date.
   */
  warnUnknownRegistry(registry: SplitField, repository: string, tag: Literal, tagKey: string, version: SplitVersion): void {
    const images = unknownRegistryImages(repository, this.incoming.values(), version);
    if (images.length === 0) return;
    const line = this.tokens.source.line(this.tokens.start[registry.token]!);
    const written = nodeText(this.tokens, registry.value ?? { first: registry.token, last: registry.token });
    const why = "which is neither a string nor a top-level string constant";
    this.warnings.push({
      line: this.line(tag),
      message: unknownRegistryWarning({ field: this.pathText(registry.path), line, written, why }, repository, tagKey, images),
      about: { field: tagKey, reason: "advised-override", image: images[0]!, lines: [line] },
    });
  }

  /**
   * `key` is the one name `name` (`tag`), as an identifier (`tag`, `$tag`) or a string (`"tag"`, `r'tag'`,
   * `"""tag"""`, Python-dict style). Most configs hold no such key: a key that does not end in
   * `name`, before any closing quotes, is refused with no key text built.
   */
  isKey(key: ConfigKey, name: string): boolean {
    if (key.first !== key.last) return false;
    const { text } = this;
    const at = this.tokens.end[key.first]! - name.length;
    if (!text.startsWith(name, at) && !text.startsWith(name, at - 1) && !text.startsWith(name, at - 3)) return false;
    const { parts } = key;
    return parts?.length === 1 && parts[0] === name;
  }

  /** `config.containers[0].image`: a key path as a change reports it. */
  pathText(path: KeyPath): string {
    if (path.parent === undefined) return path.target;
    const { parent, step } = path;
    if (typeof step === "number") return `${this.pathText(parent)}[${step}]`;
    const key = step.key.parts ?? [this.text.slice(this.tokens.start[step.key.first], this.tokens.end[step.key.last])];
    return formatOverridePath(key, this.pathText(parent));
  }

  /** The literal type of the assignment whose value holds token `token` (literalTypes), if any. */
  literalTypeAt(token: number): string | undefined {
    const typed = this.typedInOrder[holding(this.typedInOrder, token)];
    return typed && holds(typed.value, token) ? this.literalTyped.get(typed) : undefined;
  }

  /** Whether token `token` is in the literal type of an assignment (`c: "a" | "b" = "a"`): a type, never a value to set. */
  inLiteralType(token: number): boolean {
    const annotation = this.typedInOrder[holding(this.typedInOrder, token)]?.annotation;
    return annotation !== undefined && holds(annotation, token);
  }

  /** 1-based line of a literal, for changes and warnings. */
  line(literal: Literal): number {
    return this.tokens.source.line(literal.start);
  }

  /** Says `message` at a literal's line, of `kind` when it has one. */
  warnAt(literal: Literal, message: string, kind?: WarningKind): void {
    this.warnings.push({ line: this.line(literal), message, ...(kind && { kind }) });
  }

  /** What a field's version decision for `image` (a repository) tells (VersionNote), said at a literal after the field's name and kept as what the warning is about (overrides.ts). */
  versionNote(literal: Literal, field: string, image: string | undefined): VersionNote {
    return (why, kind) => this.warnings.push({ line: this.line(literal), ...versionNoteWarning(field, why, kind, image) });
  }

  /**
   * Every comment holding a Flux marker, wherever its line is (a config value, a schema
   * default, an `if` block, a lambda, a ternary): the marker sets the string literal that ends
   * the line before it, closers and commas aside (markers.ts), as Flux's setters set the field a
   * line comment follows. Runs before the walk, which leaves marked literals to it.
   */
  markLiterals(): void {
    const { tokens } = this;
    const interpolated: { line: number; setter: string; variable: string | undefined; token: number }[] = [];
    for (const place of markerComments(tokens)) {
      const { line } = place;
      const reading = readMarker(place.comment);
      if (!("token" in place)) {
        // A marker on a comment line of its own, or after a closer, marks nothing: said (commented-out code is not read).
        if (reading !== undefined && "marker" in reading)
          this.warnings.push({
            line,
            message: "ownLine" in place ? ownLineMarkerWarning(reading.marker) : misplacedMarkerWarning(reading.marker, place.follows),
          });
        continue;
      }
      const at = place.token;
      if (reading === undefined) continue;
      // Flux reads no marker there: the literal is left to the walk, as an unmarked one.
      if ("ignored" in reading) {
        this.warnings.push({ line, message: reading.ignored });
        continue;
      }
      if ("error" in reading) {
        this.warnings.push({ line, message: reading.error });
        this.claimed.add(at);
        continue;
      }
      const { marker } = reading;
      const marked = this.markedString(at, marker);
      if (marked === undefined) continue;
      if (tokens.kind[marked] !== T.String)
        this.warnings.push({ line, message: `Flux setter "${marker.setter}" marks a value that is not a string literal; only a literal can be set` });
      else if (tokens.flags[marked]! & StringFlag.Interpolated) {
        const variable = marker.field === "ref" || marker.field === "tag" ? tagVariable(this.literal(marked).body) : undefined;
        interpolated.push({ line, setter: marker.setter, variable, token: marked });
      } else this.mark(marked, marker);
      this.claimed.add(marked);
    }
    // A tag held by a variable (`app:${_tag}`) is set where the variable is: said, as of an unmarked interpolation, unless a marker or a --set there sets it.
    for (const { line, setter, variable, token } of interpolated) {
      const answered =
        variable === undefined ||
        this.setBySet(token, variable) ||
        (this.assigned().get(variable) ?? []).some((held) => held !== undefined && this.claimed.has(held));
      const where = answered ? "" : `; ${this.whereSet(variable, variable)}`;
      this.warnings.push({ line, message: `Flux setter "${setter}" marks a string with \${...}, which is not edited${where}` });
    }
  }

  /**
   * The token a marker after token `at` marks: the string it follows on its line, as go-yaml gives
   * a line comment to the last node on its line (`{repository = "app", tag = "1.0"} # {...:tag}`
   * sets the tag). A whole-reference marker on a line of several strings marks the only one holding
   * its setter's repository (`{image = "app:1", sidecar = "side:1"}`, a ternary with one image arm),
   * so another image is never written over; where that is not one string it marks none, said, and
   * they are left to matching by repository as unmarked values. A key this run has no image for is
   * warned about as such (MarkedFields), whichever string it marks.
   */
  markedString(at: number, marker: Marker): number | undefined {
    const repository = this.request.setters.get(marker.key)?.image.repository;
    if (marker.field !== "ref" || repository === undefined) return at;
    const strings = this.stringsOnLine(at);
    if (strings.length < 2) return at;
    const own = strings.filter((t) => !(this.tokens.flags[t]! & StringFlag.Interpolated) && tryParseImageRef(this.literal(t).body)?.repository === repository);
    if (own.length === 1) return own[0];
    const message =
      `Flux setter "${marker.setter}" is on a line with ${strings.length} strings, ${own.length === 0 ? "none" : own.length} of them holding ${repository}, ` +
      `so it marks none of them and they are treated as unmarked; write it after the value it sets, on a line of its own`;
    this.warnings.push({ line: this.tokens.source.line(this.tokens.start[at]!), message });
    return undefined;
  }

  /** The string tokens on the line of token `last`, up to it. */
  stringsOnLine(last: number): number[] {
    const { tokens } = this;
    const line = tokens.source.line(tokens.start[last]!);
    const strings: number[] = [];
    for (let t = last; t >= 0 && tokens.source.line(tokens.end[t]!) === line; t--) if (tokens.kind[t] === T.String && !this.inLiteralType(t)) strings.push(t);
    return strings;
  }

  /**
   * String literals holding an incoming image that no rule edits: interpolations
   * (`"ghcr.io/acme/app:${tag}"`), and literals where matching by repository never goes
   * (schema defaults, lambdas, ternaries, `if` blocks, call arguments, comprehensions), named.
   * Said at each, since a run that leaves them would otherwise read as one where every field
   * is up to date.
   */
  warnUnreached(): void {
    const { tokens } = this;
    // Where the concatenations said start: one may hold the repository in two of its strings.
    const concatenations = new Set<number>();
    const strings = new Set([...this.stringsHolding(this.screens), ...this.splitSpellings(this.screens)]);
    for (const t of [...strings].sort((a, b) => a - b)) {
      if (this.claimed.has(t)) continue;
      const literal = this.literal(t);
      const line = this.line(literal);
      // Reached or not: a `+` operand is walked, and moves nothing here.
      const built = tokens.flags[t]! & StringFlag.Interpolated ? undefined : this.builtReference(t);
      if (built !== undefined) {
        const { repository, variable, how, first, last } = built;
        if (!concatenations.has(first) && !this.setInFile.has(repository.repository) && !this.setBySet(first, variable)) {
          const message = `${nodeText(tokens, { first, last })} builds a reference of ${formatImageRef(repository)} ${how}, which is not edited; ${this.whereSet(variable)}`;
          this.warnings.push({ line: this.line(this.literal(first)), message });
        }
        concatenations.add(first);
        continue;
      }
      const joined = this.concatenatedReference(t);
      if (joined !== undefined) {
        const { ref, first, last } = joined;
        if (!concatenations.has(first) && !this.setInFile.has(ref.repository) && !this.setBySet(first, undefined)) {
          const message = `${nodeText(tokens, { first, last })} builds ${formatImageRef(ref)} by concatenation, which is not edited; left as it is (written as one string, it would be set)`;
          this.warnings.push({ line: this.line(this.literal(first)), message });
        }
        concatenations.add(first);
        continue;
      }
      if (this.reached.has(t)) continue;
      if (tokens.flags[t]! & StringFlag.Interpolated) {
        const stale = staleImageIn(literal.body, this.incoming);
        const variable = stale && versionVariable(literal.body, stale);
        if (stale && !this.setInFile.has(stale.repository) && !this.setBySet(t, variable)) {
          // A version written in the string itself is no variable's: the string is left, and only a --set of its field reaches it.
          const written = formatImageRef(stale);
          const left = "which is not edited (nor set by a Flux marker); left as it is (an override of its field sets it)";
          // A version running into `${` is only its start (`app:1.2.3-${suffix}`): the tag is the interpolation's.
          const message =
            stale.tag === undefined && stale.digest === undefined
              ? `${literal.body} builds a reference of ${written} with \${...}, which is not edited; ${this.whereSet(variable)}`
              : stale.digest === undefined && literal.body.includes(`${written}\${`)
                ? `${literal.body} builds a tag of ${stale.name} with \${...}, ${left}`
                : `${literal.body} holds ${written} in a string with \${...}, ${left}`;
          this.warnings.push({ line, message });
        }
        continue;
      }
      const ref = tryParseImageRef(literal.body);
      const update = ref && this.incoming.get(ref.repository);
      if (!ref || !update || (ref.tag === undefined && ref.digest === undefined) || nextReference(update, ref) === undefined) continue;
      const typed = this.literalTypeAt(t);
      if (typed !== undefined) {
        this.warnings.push({ line, message: `holds ${literal.body} ${literalTypeWarning(typed)}` });
        continue;
      }
      const construct = skippedConstruct(this.statements, t);
      const where = construct === undefined ? "" : ` in ${construct},`;
      const message = `holds ${literal.body}${where} where images are not matched by repository; left as it is (add a Flux marker on its line to have it set)`;
      this.warnings.push({ line, message });
    }
  }

  /**
   * References built on a registry held by a top-level string (`_registry = "ghcr.io/acme"`):
   * `_registry + "/web:" + _tag`, `"${_registry}/web:${_tag}"`, `_registry + "/web:1.2.3"`. No
   * rule edits them, and no string in them holds the repository: named, as interpolations are.
   */
  warnRegistryBuilt(): void {
    const { tokens } = this;
    for (const t of this.stringsHolding(this.tails)) {
      const built = this.builtOnRegistry(t);
      if (built === undefined || this.setInFile.has(built.repository.repository)) continue;
      const { repository, registry, first, last, version } = built;
      const text = nodeText(tokens, { first, last });
      const from = `from ${registry.name} (line ${registry.line})`;
      const line = this.line(this.literal(t));
      const about = { reason: "unmoved", image: repository.repository, lines: [registry.line] } as const;
      if (version.variable !== undefined) {
        if (this.setBySet(t, version.variable)) continue;
        const message = `${text} builds a reference of ${formatImageRef(repository)} ${from} and ${version.variable}, which is not edited; ${this.whereSet(version.variable)}`;
        this.warnings.push({ line, message, about });
        continue;
      }
      const ref = tryParseImageRef(`${repository.name}:${version.tag}`);
      const update = ref && this.incoming.get(ref.repository);
      if (!ref || !update || nextReference(update, ref) === undefined || this.setBySet(t, undefined)) continue;
      this.warnings.push({
        line,
        message: `${text} builds ${formatImageRef(ref)} ${from}, which is not edited; left as it is (an override of its field sets it)`,
        about,
      });
    }
  }

  /**
   * What string token `t` builds on a registry constant, when it does: the repository (the
   * constant, then the path up to `:`), the constant, the expression's tokens, and its version:
   * a variable (`+ _tag`, `${_tag}`) or a tag written in the string.
   */
  builtOnRegistry(
    t: number,
  ): { repository: ImageRef; registry: RegistryConstant; first: number; last: number; version: { variable?: string; tag?: string } } | undefined {
    const { kind, flags } = this.tokens;
    const { body } = this.literal(t);
    let name: string;
    let path: string;
    let version: { variable?: string; tag?: string };
    let last = t;
    let first = t;
    if (flags[t]! & StringFlag.Interpolated) {
      const m = /^\$\{\s*([A-Za-z_]\w*)\s*\}(\/[^$:]+):(?:\$\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\}|([\w][\w.-]*))$/.exec(body);
      if (m === null) return undefined;
      [name, path, version] = [m[1]!, m[2]!, m[3] !== undefined ? { variable: m[3] } : { tag: m[4]! }];
    } else {
      const m = /^(\/[^:]+):([\w][\w.-]*)?$/.exec(body);
      // `_registry + "/web:"`: a plain name right before, no dotted one's tail.
      if (m === null || kind[t - 1] !== T.Plus || kind[t - 2] !== T.Name || kind[t - 3] === T.Dot) return undefined;
      first = t - 2;
      [name, path] = [nodeText(this.tokens, { first, last: first }), m[1]!];
      if (m[2] !== undefined) {
        if (kind[t + 1] === T.Plus) return undefined;
        version = { tag: m[2] };
      } else {
        if (kind[t + 1] !== T.Plus || kind[t + 2] !== T.Name || keywordAt(this.tokens, t + 2) !== Keyword.Other) return undefined;
        last = t + 2;
        while (kind[last + 1] === T.Dot && kind[last + 2] === T.Name) last += 2;
        version = { variable: nodeText(this.tokens, { first: t + 2, last }) };
      }
    }
    const registry = this.registryConstant(name);
    const repository = registry && tryParseImageRef(`${registry.value}${path}`);
    if (!registry || !repository || repository.tag !== undefined || repository.digest !== undefined || !this.incoming.has(repository.repository))
      return undefined;
    return { repository, registry, first, last, version };
  }

  /**
   * The reference string token `token` builds with the version of a variable, when its text is a
   * repository and `:` and the variable follows: `"app:" + _tag`, `"app:%s" % _tag`,
   * `"app:{}".format(_tag)`. `first` and `last` are the expression's tokens.
   */
  builtReference(token: number): { repository: ImageRef; variable: string; how: string; first: number; last: number } | undefined {
    const { kind } = this.tokens;
    const text = (t: number) => nodeText(this.tokens, { first: t, last: t });
    /** The incoming repository a text names up to its last `:`, as a name alone. */
    const named = (body: string) => {
      const ref = tryParseImageRef(body.slice(0, body.lastIndexOf(":")));
      return ref?.tag === undefined && ref?.digest === undefined && this.incoming.has(ref?.repository ?? "") ? ref : undefined;
    };
    let first = token;
    let body = this.literal(token).body;
    let at: number;
    let how: string;
    const run = this.literalRun(token);
    if (kind[run.last + 1] === T.Plus && run.body.endsWith(":")) {
      // The literals before the variable read as one (`"ghcr.io/acme/" + "app:" + _tag`); under longer text (`"--image=" + "app:" + _tag`), the last alone.
      [first, body] = run.whole && named(run.body) ? [run.first, run.body] : [run.last, this.literal(run.last).body];
      [at, how] = [run.last + 2, "by concatenation"];
    } else if (body.endsWith(":%s") && kind[token + 1] === T.Operator && text(token + 1) === "%") [at, how] = [token + 2, "by % formatting"];
    else if (body.endsWith(":{}") && kind[token + 1] === T.Dot && text(token + 2) === "format" && kind[token + 3] === T.LParen)
      [at, how] = [token + 4, "by .format()"];
    else return undefined;
    if (kind[at] !== T.Name || keywordAt(this.tokens, at) !== Keyword.Other) return undefined;
    let last = at;
    while (kind[last + 1] === T.Dot && kind[last + 2] === T.Name) last += 2;
    if (how === "by .format()") {
      if (kind[last + 1] !== T.RParen) return undefined;
      last++;
    }
    const repository = named(body);
    if (repository === undefined) return undefined;
    return { repository, variable: nodeText(this.tokens, { first: at, last: how === "by .format()" ? last - 1 : last }), how, first, last };
  }

  /**
   * The reference a concatenation of string literals holding string token `token` makes
   * (`"app:" + "1.0.0"`, `"app" + ":1.0.0"`), when it is an incoming repository's with a version
   * a run would move, and its first literal is not a reference itself (`"app:1.0" + "-debug"` is
   * one with a suffix, which is set): `first` and `last` are its tokens.
   */
  concatenatedReference(token: number): { ref: ImageRef; first: number; last: number } | undefined {
    const { kind, flags } = this.tokens;
    const { first, last, body, whole } = this.literalRun(token);
    if (
      first === last ||
      !whole ||
      kind[first - 1] === T.Plus ||
      kind[last + 1] === T.Plus ||
      kind[token] !== T.String ||
      flags[token]! & StringFlag.Interpolated
    )
      return undefined;
    const head = tryParseImageRef(this.literal(first).body);
    if (head !== undefined && (head.tag !== undefined || head.digest !== undefined)) return undefined;
    const ref = tryParseImageRef(body);
    const update = ref && this.incoming.get(ref.repository);
    if (!ref || !update || (ref.tag === undefined && ref.digest === undefined) || nextReference(update, ref) === undefined) return undefined;
    return { ref, first, last };
  }

  /**
   * The plain string literals joined by `+` around token `token` (`"ghcr.io/acme/" + "app:"`): the first and
   * last, the text they join to, and whether that is all of them. A reference has few parts (registry, path,
   * `:`, tag, `@`, digest): a run longer than JOINED_LITERALS builds something else, and is not read through.
   */
  literalRun(token: number): { first: number; last: number; body: string; whole: boolean } {
    const { kind, flags } = this.tokens;
    const string = (t: number) => kind[t] === T.String && !(flags[t]! & StringFlag.Interpolated);
    const reach = 2 * JOINED_LITERALS;
    let first = token;
    while (kind[first - 1] === T.Plus && string(first - 2) && token - first < reach) first -= 2;
    let last = token;
    while (kind[last + 1] === T.Plus && string(last + 2) && last - first < reach) last += 2;
    let body = "";
    for (let t = first; t <= last; t += 2) body += this.literal(t).body;
    return { first, last, body, whole: last - first < reach };
  }

  /** Whether a `--set` sets the string `token` building a reference (its field, or the variable its version is): the override is the answer. */
  setBySet(token: number, variable: string | undefined): boolean {
    if (this.setPaths.length === 0) return false;
    const covers = (path: string) => this.setPaths.some((set) => path === set || path.startsWith(`${set}.`) || path.startsWith(`${set}[`));
    const field = this.fieldAt.get(token);
    return (field !== undefined && covers(this.pathText(field))) || (variable !== undefined && covers(variable));
  }

  /**
   * Where to set the version an interpolation puts after a repository (`"app:${_tag}"`): a
   * marker on the interpolation is refused, so the advice names the variable and the lines of
   * its top-level string assignments when there are any (`_tag = "1.2.3"`).
   */
  whereSet(variable: string | undefined, named = "that variable"): string {
    const elsewhere = `set the version where ${named} is set (a Flux ":tag" marker on its line, or an override)`;
    // Only a plain name is assigned by a top-level statement.
    if (variable === undefined || variable.includes(".")) return elsewhere;
    const lines = (this.assigned().get(variable) ?? []).flatMap((held) => (held === undefined ? [] : [this.line(this.literal(held))]));
    if (lines.length === 0) return elsewhere;
    const at = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(", ")}`;
    return `set ${variable} (${at}) with a Flux ":tag" marker ${lines.length === 1 ? "on its line" : "on each"} or an override of ${variable}`;
  }

  /** A name assigned at the top level once, a plain string: what a reference built on it holds is known. */
  registryConstant(name: string): RegistryConstant | undefined {
    const token = stringConstant(this.assigned(), name);
    const held = token === undefined ? undefined : this.literal(token);
    return held && { name, value: held.body, line: this.line(held) };
  }

  /** assignedStrings of the file, read on first use: most files have no warning that asks. */
  assigned(): Assigned {
    return (this.#assigned ??= assignedStrings(this.statements, this.tokens));
  }

  /**
   * The first string of each concatenation of literals whose joined text holds one of `needles`, also
   * where no one string does (`"ghcr.io/acme/" + "app:1.0.0"`).
   */
  splitSpellings(needles: readonly string[]): number[] {
    return joinedLiterals(this.tokens)
      .filter(({ joined }) => needles.some((needle) => joined.includes(needle)))
      .map(({ first }) => first);
  }

  /** The string tokens, in order, whose text holds one of `needles`: found by the needles' occurrences, not by reading every string. */
  stringsHolding(needles: readonly string[]): number[] {
    const { start, end, kind, count } = this.tokens;
    const found = new Set<number>();
    for (const needle of needles) {
      for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) {
        // The last token starting at or before the occurrence: the string holding it, if any.
        const t = Math.max(0, partitionPoint(count, (i) => start[i]! <= at) - 1);
        if (kind[t] === T.String && at + needle.length <= end[t]!) found.add(t);
      }
    }
    return [...found].sort((a, b) => a - b);
  }

  /**
   * The text between a string token's quotes, and where it is. A plain single-line literal's escapes
   * (`\u002e`) are read as KCL reads them; a raw, triple-quoted or interpolated one's body is as written.
   */
  literal(token: number): Literal {
    return literalAt(this.tokens, token);
  }

  visit(expr: StringExpr, path: KeyPath): void {
    if (this.claimed.has(expr.token)) return;
    if (this.setPaths.length > 0) this.fieldAt.set(expr.token, path);
    if (this.tokens.flags[expr.token]! & StringFlag.Interpolated) return;
    this.reached.add(expr.token);
    const literal = this.literal(expr.token);
    const { body } = literal;
    // Most literals are not images: a substring check spares the full parse (and its throw).
    if (!this.screens.some((token) => body.includes(token))) return;
    const ref = tryParseImageRef(body);
    if (!ref) return;
    const bare = ref.tag === undefined && ref.digest === undefined;
    // A split image's repository beside a registry field names the image the two make, as helmImage reads them:
    // `acme/app` beside `ghcr.io` is ghcr.io/acme/app, not Docker Hub's acme/app.
    const named = bare ? this.besideRegistry(expr.token, ref) : ref;
    const update = named && this.incoming.get(named.repository);
    if (!update) return;
    if (bare) {
      // `"app" + ":1.0.0"`, `"app" + ":" + _tag` are said as the concatenations they are (warnUnreached).
      if (this.isSuffixed(expr.last) && (this.concatenatedReference(expr.token) ?? this.builtReference(expr.token)) !== undefined) return;
      // `name = "nginx"` is a name, not an image: only an image-like key is worth a warning.
      const key = this.pathText(path);
      if (/(image|repo)[^.]*$/i.test(key)) this.warnings.push({ line: this.line(literal), ...bareFieldWarning(key, update.image.repository) });
      return;
    }
    const key = this.pathText(path);
    const note = this.versionNote(literal, key, update.image.repository);
    const next = nextVersion(update, versionOf(ref.tag, ref.digest), note);
    if (!next) return;
    if (next.digest !== undefined && this.isSuffixed(expr.last)) {
      note(`is followed by a + suffix, ${suffixWarning(update.image)}`);
      if (update.image.tag !== undefined) this.write(literal, formatImageRef({ name: ref.name, tag: next.tag }), "kcl-image", key);
    } else this.write(literal, formatImageRef({ name: ref.name, ...next }), "kcl-image", key);
  }

  /** The image a split image's repository `ref` (string token `token`) names with the registry field beside it (registries), if any. */
  besideRegistry(token: number, ref: ImageRef): ImageRef | undefined {
    const beside = this.registries.get(token);
    if (beside === undefined) return ref;
    const registry = this.registryText(beside.registry);
    // A registry this run cannot read names no image it knows (warnUnknownRegistry says so where the pair has a tag).
    return registry === undefined ? undefined : tryParseImageRef(splitImageName(registry, ref.name));
  }

  /** A `+` follows token `token`, a string's last (`"app:1.2.3" + "-debug"`, `("app:1.2.3") + "-debug"`): its value goes on after the literal. */
  isSuffixed(token: number): boolean {
    return this.tokens.kind[token + 1] === T.Plus;
  }

  /**
   * A KCL file is one document: a setter's literals all decide together. A value whose type
   * lists string literals is left where the marker would move it: KCL refuses any other value.
   */
  mark(token: number, marker: Marker): void {
    const literal = this.literal(token);
    const warn = (message: string, kind?: WarningKind) => this.warnAt(literal, message, kind);
    const typed = this.literalTypeAt(token);
    const image = typed === undefined ? this.request.setters.get(marker.key)?.image : undefined;
    if (image !== undefined) this.setInFile.add(image.repository);
    const key = this.keyOf(token);
    const misfit = misfitWarning(marker, key ?? "a string", key, literal.body);
    const write = (value: string) => {
      if (typed !== undefined) {
        if (value !== literal.body) warn(`Flux setter "${marker.setter}" marks ${literal.body} ${literalTypeWarning(typed)}`);
        return;
      }
      this.write(literal, value, "setter", marker.setter);
      if (misfit) warn(misfit(value));
      const joined = this.registryJoin(token, marker, value);
      if (joined) warn(joined);
    };
    const suffixed = image !== undefined && marker.field === "ref" && this.isSuffixed(token);
    this.marked.add({
      marker,
      text: literal.body,
      document: 0,
      warn,
      write: suffixed ? (value) => this.writeBeforeSuffix(value, image, marker, warn, write) : write,
    });
  }

  /** The warning for `value` a marker writes into string token `token`, a split image's repository a chart may join to the registry beside it (registryJoinWarning). */
  registryJoin(token: number, marker: Marker, value: string): string | undefined {
    const beside = this.registries.get(token);
    if (beside === undefined) return undefined;
    const { repository, registry } = beside;
    // A registry this run cannot read is named as written: a chart joins it all the same.
    const text = this.registryText(registry) ?? nodeText(this.tokens, registry.value ?? { first: registry.token, last: registry.token });
    return registryJoinWarning(marker, this.pathText(repository.path), { field: this.pathText(registry.path), text }, value);
  }

  /**
   * The key whose value string token `token` is, read from the tokens before it (markers are read
   * before the walk, and a schema default is never walked): `tag = "1"`, `tag: "1"`, `image.tag =
   * "1"`, `tag: str = "1"`, `"tag": "1"`; none for a list item, or a type it does not read.
   */
  keyOf(token: number): string | undefined {
    const { kind } = this.tokens;
    const before = token - 1;
    if (kind[before] !== T.Assign && kind[before] !== T.Colon) return undefined;
    // A typed attribute or assignment (`tag: str = "1"`): the name before its type.
    const name = kind[before] === T.Assign && kind[before - 1] === T.Name && kind[before - 2] === T.Colon ? before - 3 : before - 1;
    if (kind[name] === T.Name) return nodeText(this.tokens, { first: name, last: name });
    return kind[name] === T.String ? this.literal(name).body : undefined;
  }

  /** A whole reference a marker sets in a string with a `+` suffix: an incoming digest would land before the suffix, so the tag alone is set. */
  writeBeforeSuffix(value: string, image: ImageRef, marker: Marker, warn: (message: string) => void, write: (value: string) => void): void {
    const next = tryParseImageRef(value);
    if (next?.digest === undefined || next.digest !== image.digest) return write(value);
    warn(`Flux setter "${marker.setter}" marks a string followed by a + suffix, ${suffixWarning(image)}`);
    if (image.tag !== undefined) write(formatImageRef({ name: next.name, tag: next.tag }));
  }

  /** Sets a literal's body, the change naming the incoming `repository` it writes a version of where the value alone names none (ChangeNames). */
  write(literal: Literal, value: string, kind: "kcl-image" | "setter", key: string, repository?: string): void {
    if (value === literal.body) return;
    const line = this.line(literal);
    assertSafeBody(value, line);
    this.edits.push({
      splice: literalSplice(literal, value, this.text),
      change: { line, kind, key, old: literal.body, new: value, ...(repository !== undefined && { repository }) },
    });
  }
}

/**
 * The splice that has `literal` hold `value` (assertSafeBody's: it needs no escape): its body, or where it is
 * written with escapes, only the characters that differ (escapedEdit), the escapes around them kept. An
 * octal escape of fewer than three digits would take a digit written after it: then the body is written whole.
 */
function literalSplice(literal: Literal, value: string, text: string): Splice {
  const whole = { start: literal.start, end: literal.end, insert: value };
  if (literal.escapes === undefined) return whole;
  const edit = escapedEdit(literal.escapes, value, (middle) => middle)!;
  const body = text.slice(literal.start, literal.end);
  const written = body.slice(0, edit.start) + edit.insert + body.slice(edit.end);
  return decodeEscapes(written).text === value ? { start: literal.start + edit.start, end: literal.start + edit.end, insert: edit.insert } : whole;
}

/** What a value of a type listing string literals is told, after what holds it: the editor leaves it, by repository or by marker. */
function literalTypeWarning(type: string): string {
  return `in a value of the literal type ${type}: KCL refuses any value outside its literals, so it is left as it is (a type of str would let it be set)`;
}

/** A marker on a comment line of its own: YAML's form for the value below, which a KCL marker is not. */
function ownLineMarkerWarning(marker: Marker): string {
  return `Flux setter "${marker.setter}" is on a comment line of its own, which marks nothing in KCL: a KCL marker sets the string its line ends with (the YAML form above the value does not apply)`;
}

/**
 * What a string with a `+` suffix (`"app:1.2.3" + "-debug"`) says of an incoming `image` with a
 * digest, after its subject: the digest cannot follow the tag there, as in a {repository, tag}
 * pair with no digest field (no-digest-field.ts), so the tag alone is set, or nothing.
 */
function suffixWarning(image: ImageRef): string {
  const why = "before the suffix a digest would make no image reference";
  return image.tag === undefined
    ? `so it cannot take ${formatImageRef(image)}, which has only a digest; left as it is (${why})`
    : `so only the tag of ${formatImageRef(image)} is set there: its digest is not pinned (${why}, and it is ${image.tag}'s, not the suffixed tag's)`;
}

/**
 * An interpolation of a variable (`${_tag}`, `${cfg.tag}`), the variable's path its first group. A format
 * spec (`${_tag: #json}`) is no part of the name.
 */
const INTERPOLATED_VARIABLE = String.raw`\$\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(?::[^}]*)?\}`;
const TAG_VARIABLE = new RegExp(`:${INTERPOLATED_VARIABLE}$`);

/**
 * The variable an interpolation takes the version of `stale` from (`_tag`, `cfg.tag` in
 * `"app:${cfg.tag}"`), written as a path; undefined when the version is anything else.
 */
function versionVariable(body: string, stale: ImageRef): string | undefined {
  if (stale.tag !== undefined || stale.digest !== undefined) return undefined;
  return new RegExp(`${escapeRegExp(stale.name)}:${INTERPOLATED_VARIABLE}`).exec(body)?.[1];
}

/** The variable a string's tag is, where the string ends with one (`"${_registry}/app:${_tag}"`: `_tag`). */
function tagVariable(body: string): string | undefined {
  return TAG_VARIABLE.exec(body)?.[1];
}

/** A top-level string a reference may be built on (`_registry = "ghcr.io/acme"`), and its line. */
interface RegistryConstant {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

/**
 * A literal ending in a `/` and another after a `+`, as `kcl fmt` spaces them: how a reference spelt across
 * literals (`"ghcr.io/acme/" + "app:1.0.0"`) shows in a text that holds the repository in no one string.
 */
const CONCATENATED_PATHS = ['/" + "', "/' + '"];

/** ImageEditor.literal of a file's tokens. */
function literalAt(tokens: Tokens, token: number): Literal {
  const start = tokens.start[token]!;
  const end = tokens.end[token]!;
  const { style, body } = readStringLiteral(tokens.source.text.slice(start, end));
  const quotes = style.triple ? 3 : 1;
  const at = { start: start + style.prefix.length + quotes, end: end - quotes };
  if (style.prefix !== "" || style.triple || !body.includes("\\") || tokens.flags[token]! & StringFlag.Interpolated) return { body, ...at };
  const escapes = decodeEscapes(body);
  return { body: escapes.text, ...at, escapes };
}

/**
 * Each concatenation of plain string literals (`"ghcr.io/acme/" + "app:" + "1.0.0"`): its first token and the
 * text its first JOINED_LITERALS literals join to, read as the editor reads them. One pass over the tokens, in
 * a file that may spell a reference so (CONCATENATED_PATHS); none in any other.
 */
function joinedLiterals(tokens: Tokens): { readonly first: number; readonly joined: string }[] {
  if (!CONCATENATED_PATHS.some((path) => tokens.source.text.includes(path))) return [];
  const { kind, flags, count } = tokens;
  const literal = (t: number) => kind[t] === T.String && !(flags[t]! & StringFlag.Interpolated);
  const found: { first: number; joined: string }[] = [];
  for (let first = 0; first < count; first++) {
    if (!literal(first) || kind[first + 1] !== T.Plus || !literal(first + 2) || kind[first - 1] === T.Plus) continue;
    let joined = literalAt(tokens, first).body;
    for (let t = first + 2; literal(t) && t - first < 2 * JOINED_LITERALS; t += 2) {
      joined += literalAt(tokens, t).body;
      if (kind[t + 1] !== T.Plus) break;
    }
    found.push({ first, joined });
  }
  return found;
}

/**
 * Whether a KCL text spells `image`'s repository across concatenated literals (`"ghcr.io/acme/" + "app:1.0.0"`,
 * or `"ghcr.io/acme/" + "app:" + _tag`, up to the `:` a variable's version follows), which no one string holds:
 * the editor names such a reference (warnUnreached), so the file holds the image. A text KCL cannot lex holds none so.
 */
export function spellsAcrossLiterals(text: string, image: ImageRef): boolean {
  if (!CONCATENATED_PATHS.some((path) => text.includes(path))) return false;
  const tokens = tryTokenize(text);
  return tokens !== undefined && joinedLiterals(tokens).some(({ joined }) => tryParseImageRef(joined.replace(/:$/, ""))?.repository === image.repository);
}

/** The last segment of a repository's path between `/` and `:`: what stays in the text when its registry is a variable. */
function registryTail(image: ImageRef): string {
  return `/${image.repository.slice(image.repository.lastIndexOf("/") + 1)}:`;
}

/**
 * The byte screen of KCL files, the engine's and editKcl's own: whether a text may hold a marker
 * or one of `images`, as its screen token or, for a reference built on a registry constant
 * (`_registry + "/web:"`), the path's last segment, or spelt across literals (CONCATENATED_PATHS).
 */
export function kclScreen(images: readonly ImageRef[]): (text: string) => boolean {
  return wordScreen([MARKER_KEY, ...CONCATENATED_PATHS, ...images.flatMap(kclScreenTokens)]);
}

/** What a KCL file that may hold `image` spells (kclScreen). */
function kclScreenTokens(image: ImageRef): readonly string[] {
  return [screenToken(image), registryTail(image)];
}

/**
 * Whether a KCL text may build `image`'s reference on a registry constant (`_registry =
 * "ghcr.io/acme"` and `_registry + "/web:"`): it spells the repository up to its last segment
 * as a string, and that segment after a `/`. Such a file holds the image though it never spells it.
 */
export function mayBuildOnRegistry(text: string, image: ImageRef): boolean {
  const cut = image.name.lastIndexOf("/");
  return cut > 0 && text.includes(registryTail(image)) && text.includes(`"${image.name.slice(0, cut)}"`);
}

/**
 * Update image references in a KCL file: string literals in assignments and config/schema
 * literals whose repository matches one of `request.images` (new version from
 * nextVersion, name kept as written), and literals marked with a Flux `$imagepolicy`
 * comment (`request.setters`). `overridden` is what the overrides of this file set
 * (overriddenIn). Throws SourceError when a file that may match does not
 * tokenize or parse; a file that cannot match (screened by bytes) is returned as is.
 */
export function editKcl(text: string, request: EditRequest, overridden: Overridden = {}): EditResult {
  return publicResult(editCheckedKcl(text, fullEditRequest(request), overridden));
}

/**
 * editKcl for a request the engine built from what it checked once for the plan: not checked again for each file.
 * @internal The engine's.
 */
export function editCheckedKcl(text: string, request: FullEditRequest, overridden: Overridden = {}): FieldEditResult {
  if (!kclScreen(request.images.map((u) => u.image))(text)) return { text, changes: [], warnings: [] };
  const module = parseKcl(text);
  const editor = new ImageEditor(module.tokens, request, overridden, literalTypes(module), module.statements);
  editor.markLiterals();
  for (const statement of module.statements) {
    if (statement.type === "assign") {
      if (!editor.literalTyped.has(statement)) editor.walk(statement.value, { parent: undefined, target: statement.targets[0]! });
    } else if (statement.type === "aug-assign" || statement.type === "unification")
      editor.walk(statement.value, { parent: undefined, target: statement.target });
  }
  // Once all are known: a setter's fields decide together.
  editor.marked.writeAll();
  editor.warnUnreached();
  editor.warnRegistryBuilt();
  const edits = editor.edits.sort((a, b) => byPosition(a.splice, b.splice));
  return {
    text: applySplices(
      text,
      edits.map((e) => e.splice),
    ),
    changes: edits.map((e) => e.change),
    // Two strings of one line may be told alike (a schema attribute's literal type and its default): said once.
    warnings: editor.warnings
      .sort((a, b) => a.line! - b.line!)
      .filter((w, i, all) => i === 0 || w.line !== all[i - 1]!.line || w.message !== all[i - 1]!.message),
  };
}
