/** What the check reads of a run (plan.ts's RunContext). */
export interface ManifestRun {
    /** The configuration read (config-file.ts's configPath). */
    readonly configPath: string;
    /** Configurations where none is read (misplacedConfigsIn). */
    readonly misplaced: ReadonlySet<string>;
}
/** Whether a file may be a manifest to edit: a kind the editors read, not a test fixture, nor a configuration (.github/, the one read, one where none is read). */
export declare function mayBeManifest(run: ManifestRun, path: string): boolean;
