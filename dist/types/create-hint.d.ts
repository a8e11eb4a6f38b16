/**
 * How a person asks for a missing path to be created, in the terms of every face that tells
 * them (the CLI, the Action, the library), said alike by every file kind's override.
 */
export declare function createHint(what: string): string;
