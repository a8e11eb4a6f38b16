/**
 * How messages name a field of an update request, as the face that runs it spells it: a flag of
 * the CLI (`--setter`), an input of the Action (`setters`), the library's field and index. The
 * pure core and the engine say it alike, from the request's `fieldName` (and the edit request's,
 * which carries it to the editors), in every face's terms.
 */
/** The request fields whose values are checked one by one. */
export type RequestField = "image" | "setter" | "set" | "path";
/** A request's switch: a message asks to turn it on. */
export type RequestSwitch = "create";
/** The request fields messages name: those checked value by value, the configuration's file, and the switches. */
export type NamedField = RequestField | "config" | RequestSwitch;
/**
 * Names the `index`-th value of a field in messages, or the field itself without an index;
 * `giving`, the field as written before a value a message asks for (`--setter` in the CLI's
 * `--setter key=REF`, `setters:` in the Action's), and a switch as written turned on (`--create`,
 * `create: true`). A namer that ignores `giving` names it alike.
 */
export interface FieldNamer {
    (field: NamedField, index?: number, giving?: boolean): string;
    /**
     * Whether the values come through a shell, a command line's, which takes the quotes and parentheses of an
     * unquoted argument for its own: advice on writing a value says how to keep them there, and nowhere else
     * (an Action's input and a library's string reach the tool as written).
     */
    readonly shell?: boolean;
}
/** The library's naming: the field and the value's index in its list. */
export declare const byIndex: FieldNamer;
/**
 * The CLI's naming, by its flags (`--set`, `--create`), whose values come through a shell. Also what a sentence naming a field says where no face
 * is given (an editor or the engine called from the library): `--set can only replace the whole
 * string` reads where the bare field would not (`a file set or an override edits`).
 */
export declare const byFlag: FieldNamer;
/** A value a message asks for, given as the face takes it: `--setter key=REF`, `setters: key=REF`, `setter key=REF`. */
export declare function givenValue(name: FieldNamer | undefined, field: NamedField, value: string): string;
