/**
 * Where each diagnostic code is explained: its section in docs/language.md (fault, example, fix),
 * linked from the Problems panel and the hover as the LSP `codeDescription`. The address is the
 * repository's (package.json `repository`; a test keeps the two equal and checks every code has its
 * section).
 */
import type { DiagnosticCode } from './codes.js';

export const LANGUAGE_DOCS_URL = 'https://github.com/eos-strategy/eos-strategy/blob/main/docs/language.md';

/** The code's section: GitHub's anchor for the heading "### `code`" is the code itself. */
export function codeDocsUrl(code: DiagnosticCode): string {
    return `${LANGUAGE_DOCS_URL}#${code}`;
}
