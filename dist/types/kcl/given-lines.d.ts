import type { Splice } from "../text/splice.js";
import type { SourceText } from "./source.js";
export declare class GivenLines {
    #private;
    readonly given: SourceText;
    constructor(given: SourceText);
    /** Record the splices (in text order, as applySplices takes them) that made the current text from the one before. */
    edited(ordered: readonly Splice[]): void;
    /**
     * The given text's line of an offset of the current text. Text an edit wrote stands where it
     * was written, on the line that many line breaks of what was written there below it.
     */
    line(offset: number): number;
}
