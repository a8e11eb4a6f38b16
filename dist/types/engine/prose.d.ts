/**
 * Whether an offset of `text` (a `.k` file when `kcl`; any other is read as YAML, a kcl.mod's
 * TOML too, whose comments are the same and whose strings rarely hold a `#`) is in prose. A
 * comment runs to the end of its line, so one with no `#` before the offset on its line holds none:
 * only then is the file lexed, or for a KCL file that has a triple quote at all.
 */
export declare function proseAt(text: string, kcl: boolean): (at: number) => boolean;
