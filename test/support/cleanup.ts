/** Vitest setup file: every test file removes the scratch directories it made. */
import { afterAll } from "vitest";
import { removeTempDirs } from "./temp.js";

afterAll(removeTempDirs);
