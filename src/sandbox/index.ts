/**
 * secuq/sandbox: a local server that answers like the Secuconnect API for Smart Transactions (Node only).
 *
 * @packageDocumentation
 */
export { SandboxListenError, startSandbox, type Sandbox, type SandboxOptions } from "./server.js";
export { sampleTransactions } from "./sample-data.js";
