import fc from "fast-check";
import { runs } from "./property-runs.js";

// Property tests that do not set their own number of runs get fast-check's default, scaled like the others.
fc.configureGlobal({ numRuns: runs(100) });
