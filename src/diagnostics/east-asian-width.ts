/**
 * `get-east-asian-width`, carried inside the build like chevrotain (tsup.config.ts): how many columns a character
 * takes by Unicode's East Asian Width, kept current by its authors rather than by tables of ours, with no dependency
 * for users to install. (`string-width`, which builds on it, compiles Unicode emoji sets when it is imported: some
 * 80 ms of start-up; the tests hold `displayWidth` to it instead.)
 */
export { eastAsianWidth } from "get-east-asian-width";
