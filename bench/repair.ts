/**
 * The token repair's cost (src/language/grammar/token-repair.ts): the pass that reads misspelt,
 * capitalised and unquoted words as meant and closes unclosed blocks runs over every token of
 * every file before the parser. Measured here apart from the parse it precedes, on the bench's
 * generated workspaces, clean and with syntax errors (where it has the most to do).
 *
 * Budget: the repair costs at most a fifth of the parse it precedes (lexing, repair, parser) on a
 * clean workspace, and at most a quarter with syntax errors — about 0.5 ms for a 200-element file,
 * paid once per keystroke's reparse of that file.
 */
import { repairTokens } from '../src/language/grammar/token-repair.js';
import { generateWorkspace, type WorkspaceSpec } from './generate.js';
import { collectGarbage, median, type Row } from './measure.js';
import { freshServices, parseOnly } from './session.js';

export function repairSection(rows: Row[], quick: boolean, log: (message: string) => void): void {
    const services = freshServices();
    const lexer = services.parser.Lexer;
    const cases: Array<WorkspaceSpec & { target: number }> = [
        { elements: 10_000, files: 100, target: 0.2 },
        { elements: 10_000, files: 100, syntaxErrors: true, target: 0.25 }
    ];
    const runs = quick ? 3 : 7;
    for (const spec of cases) {
        const workspace = generateWorkspace(spec);
        const texts = [...workspace.files.values()];
        const name = `10k/100 files${spec.syntaxErrors ? ' (syntax errors)' : ''}`;
        log(`repair ${name}`);
        const repairs: number[] = [];
        const parses: number[] = [];
        let mistakes = 0;
        for (let i = 0; i <= runs; i++) {
            // Lexed outside the timing: the repair's own time is what is measured.
            const lexed = texts.map(text => lexer.tokenize(text));
            collectGarbage();
            const start = performance.now();
            texts.forEach((text, k) => repairTokens(text, lexed[k], lexer.definition, lexer));
            const repair = performance.now() - start;
            mistakes = lexed.reduce((n, result) => n + result.errors.length, 0);
            collectGarbage();
            const parse = parseOnly(workspace, services);
            if (i > 0) {
                repairs.push(repair);
                parses.push(parse);
            }
        }
        const repairMs = median(repairs);
        const parseMs = median(parses);
        const section = 'Token repair (before the parser; medians)';
        rows.push({ section, name: `${name} repair`, value: repairMs, unit: 'ms', detail: `${workspace.elements} elements; ${mistakes} mistakes named` });
        rows.push({
            section,
            name: `${name} repair ÷ parse`,
            value: repairMs / parseMs,
            unit: '×',
            target: spec.target,
            detail: `parse (lexing, repair, parser) ${parseMs.toFixed(0)} ms`
        });
    }
}
