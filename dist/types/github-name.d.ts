/**
 * GitHub's names for accounts and repositories, as the sender of a dispatch names the
 * repositories it sends to and as a payload's `source` names the repository and the person
 * it came from. Pure and linear: a payload is untrusted text, checked before anything prints it.
 */
export interface RepositoryName {
    readonly owner: string;
    readonly repo: string;
}
/** `OWNER/NAME` in its two parts, or undefined when the text is not one (`.` and `..` name no repository). */
export declare function splitRepositoryName(text: string): RepositoryName | undefined;
/** Whether the text is the login of a user, an organisation or an App's bot. */
export declare function isActorLogin(text: string): boolean;
