/**
 * The one place that sizes property tests. Each test states its own number of runs relative to the others;
 * `SECUQ_PROPERTY_SCALE` multiplies them all (default 1, which keeps `npm test` fast; CI runs a larger budget, and
 * `SECUQ_PROPERTY_SCALE=20 npm test` is a long hunt for counterexamples).
 */
const scale = Number(process.env.SECUQ_PROPERTY_SCALE ?? 1);
if (!(scale > 0))
  throw new Error(`SECUQ_PROPERTY_SCALE must be a positive number, not ${process.env.SECUQ_PROPERTY_SCALE}`);

/** The number of runs for a property test whose default is `base`. */
export const runs = (base: number): number => Math.max(1, Math.round(base * scale));

/** Whether the budget is above the default, for tests that should also spend longer per run. */
export const scaledUp = scale > 1;
