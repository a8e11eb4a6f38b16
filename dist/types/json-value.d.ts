/** Values of unknown shape (parsed JSON or YAML: payloads, inputs, configuration), read without trusting them. */
/** A mapping: an object that is neither null nor a list. */
export declare function isRecord(value: unknown): value is Record<string, unknown>;
