/**
 * `text` quoted as JSON (its control characters escaped), cut after its first 100 characters
 * with `…` and its length when longer: an error echoes what an untrusted sender wrote (a
 * payload's 60 KB target name), and the log or annotation should not carry all of it.
 */
export declare function quotedExcerpt(text: string): string;
