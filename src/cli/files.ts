/**
 * The `.eos` files the CLI was pointed at: the workspace's one definition of its files
 * (src/language/workspace/workspace-files.ts), which the language server uses too.
 */
export { findEosFiles, type FileScan, type FileProblem } from '../language/workspace/workspace-files.js';
