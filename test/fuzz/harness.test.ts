/**
 * The fuzz harness must be able to fail: a provider that throws or stalls, and a CLI run that
 * breaks its contract, are reported. Otherwise a green fuzz run would prove nothing.
 */
import * as fs from 'node:fs';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { cliContractProblems } from './cli-probe.js';
import { applyMutations } from './mutations.js';
import { ServiceProbe } from './service-probe.js';

const strategy = fs.readFileSync('examples/language-md/strategy.eos', 'utf8');

describe('the service probe', () => {
    it('reports a provider that throws, by request name, and restores the file afterwards', async () => {
        const probe = await ServiceProbe.open({ 'strategy.eos': strategy });
        probe.services.lsp.HoverProvider!.getHoverContent = () => {
            throw new Error('hover exploded');
        };
        const problems = await probe.probe('strategy.eos', strategy.replace('Retention', 'Retention2'), [10, 200]);
        expect(problems.map(p => p.request)).toEqual(['hover', 'hover']);
        expect(problems[0].detail).toContain('hover exploded');
        const document = probe.services.shared.workspace.LangiumDocuments.all.toArray()[0];
        expect(document.textDocument.getText()).toBe(strategy);
    });

    it('reports an error that a provider\'s "never throw" wrapper caught: hover answers nothing, the error is logged', async () => {
        const probe = await ServiceProbe.open({ 'strategy.eos': strategy });
        // Inside the wrapper: the user gets no hover, the log gets the stack trace, the fuzzer a failure.
        (probe.services.lsp.HoverProvider as unknown as { hoverAt: () => never }).hoverAt = () => {
            throw new TypeError('injected: element is undefined');
        };
        const problems = await probe.probe('strategy.eos', strategy, [10]);
        expect(problems.map(p => p.request)).toEqual(['hover']);
        expect(problems[0].detail).toMatch(/^logged an error: EOS: hover failed .*TypeError: injected: element is undefined/s);
    });

    it('reports an error caught while computing a quick fix (the fix is not offered; the error is logged)', async () => {
        const probe = await ServiceProbe.open({ 'strategy.eos': strategy });
        (probe.services.lsp.CodeActionProvider as unknown as { fixesFor: () => never }).fixesFor = () => {
            throw new TypeError('injected: cannot read the node');
        };
        const orphan = 'initiative Lonely "Nobody funds this"\n';
        const problems = await probe.probe('strategy.eos', strategy + orphan, [1]);
        expect(problems.map(p => p.request)).toContain('codeAction(all diagnostics)');
        expect(problems.find(p => p.request === 'codeAction(all diagnostics)')!.detail).toMatch(
            /logged an error: EOS: quick fixes for '.*' failed .*TypeError: injected: cannot read the node/s
        );
    });

    it('counts an intended LSP error response (a message for the user) as an answer, not a crash', async () => {
        const probe = await ServiceProbe.open({ 'strategy.eos': strategy });
        probe.services.lsp.HoverProvider!.getHoverContent = () => {
            throw new ResponseError(ErrorCodes.InvalidRequest, 'nothing to show');
        };
        expect(await probe.probe('strategy.eos', strategy, [10])).toEqual([]);
        expect(probe.errorResponses.get('hover')).toBe(1);
    });

    it('reports a request slower than its bound', async () => {
        const probe = await ServiceProbe.open({ 'strategy.eos': strategy });
        probe.services.lsp.DefinitionProvider!.getDefinition = () => new Promise(resolve => setTimeout(() => resolve(undefined), 700));
        const problems = await probe.probe('strategy.eos', strategy, [5], { requestBoundMs: 500, buildBoundMs: 20_000 });
        expect(problems.map(p => p.request)).toEqual(['definition']);
        expect(problems[0].detail).toMatch(/^took \d+ ms \(bound 500 ms\)$/);
    });

    it('reports an answer that cannot be sent over LSP', async () => {
        const probe = await ServiceProbe.open({ 'strategy.eos': strategy });
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        probe.services.lsp.DocumentSymbolProvider!.getSymbols = () => [cyclic as never];
        const problems = await probe.probe('strategy.eos', strategy, [5]);
        expect(problems.map(p => p.request)).toEqual(['documentSymbol']);
    });
});

describe('the CLI contract check', () => {
    const json = (errors: number) =>
        JSON.stringify({
            files: 1,
            diagnostics: errors ? [{ file: 'a.eos', line: 1, column: 1, endLine: 1, endColumn: 4, severity: 'error', code: 'syntax', message: 'x' }] : [],
            summary: { error: errors, warning: 0, info: 0, hint: 0 }
        });

    it('accepts a well-formed report with the matching exit code', () => {
        expect(cliContractProblems({ code: 1, stdout: json(1), stderr: '' }, 1, false)).toEqual([]);
        expect(cliContractProblems({ code: 0, stdout: json(0), stderr: '' }, 1, false)).toEqual([]);
        expect(cliContractProblems({ code: 2, stdout: '', stderr: 'eos: a.eos looks like a binary file (it contains NUL bytes), not EOS text\n' }, 1, true)).toEqual([]);
    });

    it('rejects stack traces, internal errors, bad JSON, wrong exit codes and wrong summaries', () => {
        const details = (run: { code: number; stdout: string; stderr: string }, binary = false) => cliContractProblems(run, 1, binary).map(p => p.detail.split(/[:(\n]/)[0].trim());
        expect(details({ code: 2, stdout: '', stderr: 'TypeError: x\n    at foo (/a/b.js:1:2)\n' })).toEqual(['printed a stack trace', 'exit 2 for readable text input']);
        expect(details({ code: 2, stdout: '', stderr: 'eos: internal error: x\n' })).toEqual(['internal error', 'exit 2 for readable text input']);
        expect(cliContractProblems({ code: 0, stdout: '{', stderr: '' }, 1, false).map(p => p.detail)).toEqual([expect.stringMatching(/^stdout is not JSON/)]);
        expect(details({ code: 0, stdout: json(1), stderr: '' })).toEqual(['exit 0 but 1 errors in the report']);
        expect(details({ code: 1, stdout: json(1).replace('"error":1', '"error":0'), stderr: '' })).toEqual(['summary.error is 0, counted 1', 'exit 1 but 0 errors in the report']);
        expect(details({ code: 3, stdout: '', stderr: '' })).toEqual(['exit 3']);
    });
});

describe('mutations', () => {
    it('apply in order, with positions wrapped to the text', () => {
        expect(
            applyMutations('okr A', [
                { kind: 'insert', at: 3, text: '{' },
                { kind: 'delete', at: 0, length: 1 }
            ])
        ).toBe('kr{ A');
        expect(applyMutations('ab', [{ kind: 'nest', at: 4, depth: 2, balanced: false }])).toBe('a{{b');
        expect(applyMutations('okr A { supports B }', [{ kind: 'renameWord', at: 1, to: 3 }])).toBe('okr B { supports B }');
        expect(applyMutations('a\nb\nc', [{ kind: 'swapLines', a: 0, b: 5 }])).toBe('c\nb\na');
        expect(applyMutations('xy', [{ kind: 'longLine', at: 1, unit: '😀', length: 4 }])).toBe('x😀😀y');
    });
});
