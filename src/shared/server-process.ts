/**
 * How the language-server process is started, shared by the extension (which starts it) and the
 * benchmark (which must measure the same process).
 */

/**
 * V8 flags for the language server. Parsing makes many short-lived objects while the syntax trees
 * it builds live on; V8's default young generation (16 MB semi-spaces on 64-bit) fills so often
 * that the scavenger copies the living trees again and again. 32 MB semi-spaces (at most 64 MB
 * more memory) cut a cold build of 10,000 elements by about a quarter (see docs/performance.md).
 */
export const SERVER_V8_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
