/**
 * `string-width`, carried inside the build like chevrotain (tsup.config.ts): the display width terminals agree on,
 * kept current with Unicode by its authors rather than by tables of ours, with no dependency for users to install.
 */
export { default } from "string-width";
