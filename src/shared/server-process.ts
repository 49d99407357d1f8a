/**
 * How the language-server process is started, shared by the extension (which starts it) and the
 * benchmark (which must measure the same process).
 */

/**
 * V8 flags for the language server. Parsing makes many short-lived objects while the syntax trees
 * it builds live on; with V8's default young generation (16 MB semi-spaces on 64-bit) the
 * scavenger copies the living trees more often. 32 MB semi-spaces (at most 48 MB more memory)
 * made a cold build of 10,000 elements in 100 files 4% faster at the median and 7–10% at the
 * quartiles (25 builds each, alternating; docs/performance.md). Small, but free.
 */
export const SERVER_V8_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
