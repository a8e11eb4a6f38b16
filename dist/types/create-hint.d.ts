/**
 * How a person asks for a missing path to be created, in the terms of both shells that tell
 * them (the CLI and the Action), said alike by every file kind's override.
 */
export declare function createHint(what: string): string;
