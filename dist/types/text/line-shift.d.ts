export declare function shiftLines<C extends {
    readonly line?: number;
}>(changes: readonly C[], before: string, after: string): C[];
