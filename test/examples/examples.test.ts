/**
 * The shipped examples are part of the product: `examples/acme` must stay a strategy with no
 * findings but the two the loop over time is meant to show on 2026-03-01 (any other diagnostic
 * there is a false positive), and `examples/flawed` must show
 * every code of the catalogue exactly where its `// expect: <code>` comments say.
 */
import * as path from 'node:path';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { runCli } from '../../src/cli/main.js';
import { createEosServices } from '../../src/language/eos-module.js';
import { keepWorkspaceDiagnosticsFresh } from '../../src/server/workspace-diagnostics.js';
import { DIAGNOSTIC_CODES, isDiagnosticCode } from '../../src/language/validation/codes.js';
import { buildWorkspace, readEosFolder } from '../helpers.js';

const TODAY = '2026-03-01';

const readExample = readEosFolder;

/** Builds an example with the real services; the texts must not contain the helper's range markers. */
async function buildExample(files: Record<string, string>) {
    for (const [file, text] of Object.entries(files)) {
        expect(text.includes('<|') || text.includes('|>'), `${file} contains a test range marker`).toBe(false);
    }
    return buildWorkspace(files, { today: TODAY });
}

interface ExpectedFinding {
    file: string;
    line: number;
    code: string;
}

/**
 * Reads `// expect: code, code` comments. A comment alone on its line marks the next line that
 * is neither blank nor a comment; a comment after code marks its own line. Lines are 1-based.
 */
function expectedFindings(files: Record<string, string>): ExpectedFinding[] {
    const result: ExpectedFinding[] = [];
    for (const [file, text] of Object.entries(files)) {
        const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
        lines.forEach((line, index) => {
            const match = /\/\/\s*expect:\s*(.+?)\s*$/.exec(line);
            if (!match) return;
            const codes = match[1].split(',').map(code => code.trim());
            for (const code of codes) expect(isDiagnosticCode(code), `${file}:${index + 1}: unknown code '${code}' in marker`).toBe(true);
            let target = index;
            if (line.trim().startsWith('//')) {
                target = index + 1;
                while (target < lines.length && (lines[target].trim() === '' || lines[target].trim().startsWith('//'))) target++;
                expect(target < lines.length, `${file}:${index + 1}: marker before the end of the file`).toBe(true);
            }
            for (const code of codes) result.push({ file, line: target + 1, code });
        });
    }
    return result.sort(compareFindings);
}

function compareFindings(a: ExpectedFinding, b: ExpectedFinding): number {
    return a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code);
}

async function cliCheck(paths: string[]): Promise<{ status: number; report: { files: number; diagnostics: Array<{ file: string; line: number; code: string }> } }> {
    let out = '';
    let err = '';
    const status = await runCli(['check', ...paths, '--format', 'json', '--today', TODAY], {
        stdout: text => {
            out += text;
        },
        stderr: text => {
            err += text;
        },
        cwd: process.cwd()
    });
    expect(err).toBe('');
    return { status, report: JSON.parse(out) };
}

/**
 * What acme shows on purpose on 2026-03-01, from its quarter of check-ins (teams/checkins-2026-q1.eos)
 * and its initiatives' `started` dates: one key result off track (the others on track) and one bet
 * overdue for review. Nothing else: no stale check-in, no theme without a current OKR.
 */
const ACME_LOOP_FINDINGS = ['strategy.eos:61 bet-review-overdue', 'teams/payments.eos:13 kr-off-track'];

describe('examples/acme: a realistic strategy that violates nothing but what its loop shows', () => {
    const files = readExample('examples/acme');

    it('keeps its unusual encodings (a UTF-8 BOM, CRLF line endings, non-ASCII text)', () => {
        const texts = Object.values(files);
        expect(texts.some(text => text.startsWith('\uFEFF'))).toBe(true);
        expect(texts.some(text => text.includes('\r\n'))).toBe(true);
        // eslint-disable-next-line no-control-regex -- any character outside ASCII
        expect(texts.some(text => /[^\x00-\x7F]/.test(text))).toBe(true);
        expect(Object.keys(files).filter(file => file.startsWith('teams/')).length).toBeGreaterThanOrEqual(3);
    });

    it('yields only its loop findings in the editor, and every file contributes elements or check-ins', async () => {
        const ws = await buildExample(files);
        expect(ws.all().map(d => `${d.file}:${d.range.start.line + 1} ${String(d.code)}`)).toEqual(ACME_LOOP_FINDINGS);
        const model = ws.services.eos.StrategyWorkspace.model;
        for (const [file, document] of ws.documents) {
            const elements = model.elements.filter(element => element.uri === document.uri.toString());
            const checkIns = model.allCheckIns().filter(entry => entry.uri === document.uri.toString());
            expect(elements.length + checkIns.length, `${file} defines elements or check-ins`).toBeGreaterThan(0);
        }
        const kinds = new Set(model.elements.map(element => element.kind));
        expect([...kinds].sort()).toEqual(['authority', 'bet', 'decision', 'initiative', 'kr', 'okr', 'practice', 'stream', 'team', 'tenet', 'theme', 'value', 'vision']);
        // Aligned autonomy: a quarter of decision records, every tenet cited, and a cross-team need.
        const quarters = new Set(model.ofKind('decision').map(decision => decision.date?.slice(0, 7)));
        expect(quarters).toEqual(new Set(['2026-01', '2026-02']));
        for (const tenet of model.ofKind('tenet'))
            expect(
                model.incoming(tenet).some(entry => entry.source.kind === 'decision'),
                tenet.name
            ).toBe(true);
        expect(model.elements.some(element => element.needs?.length)).toBe(true);
        // Teams at every level the method names, and alignment to key results (`Okr.Kr`).
        expect(new Set(model.ofKind('team').map(team => team.level))).toEqual(new Set(['company', 'division', 'function', 'stream', 'crew', 'pod', 'team']));
        expect(model.ofKind('okr').some(okr => okr.links.some(link => link.relation === 'supports' && link.target.includes('.')))).toBe(true);
    });

    it('passes `eos check --today 2026-03-01` with exit status 0 and exactly its loop findings', async () => {
        const { status, report } = await cliCheck(['examples/acme']);
        expect(report.diagnostics.map(d => `${path.relative('examples/acme', d.file).split(path.sep).join('/')}:${d.line} ${d.code}`)).toEqual(ACME_LOOP_FINDINGS);
        expect(report.files).toBe(Object.keys(files).length);
        expect(status).toBe(0);
    });
});

/** The language server's view of a workspace: documents opened and edited, diagnostics as published. */
function editorSession(root: string) {
    const { shared, Eos } = createEosServices(EmptyFileSystem);
    Eos.eos.StrategyWorkspace.today = TODAY;
    const published = new Map<string, Diagnostic[]>();
    // What Langium's language server publishes for the documents a build validated…
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, async built => {
        for (const document of built) published.set(document.uri.toString(), document.diagnostics ?? []);
    });
    // …and what EOS republishes for the documents whose workspace findings changed.
    keepWorkspaceDiagnosticsFresh(Eos, {
        sendDiagnostics: async ({ uri, diagnostics }: { uri: string; diagnostics: Diagnostic[] }) => {
            published.set(uri, diagnostics);
        }
    } as unknown as Connection);
    const versions = new Map<string, number>();
    const uriOf = (file: string) => `file:///${root}/${file}`;
    const edit = async (files: Record<string, string>) => {
        const uris = Object.entries(files).map(([file, text]) => {
            const uri = uriOf(file);
            const version = (versions.get(uri) ?? 0) + 1;
            versions.set(uri, version);
            shared.workspace.TextDocuments!.set(TextDocument.create(uri, 'eos', version, text));
            return URI.parse(uri);
        });
        await shared.workspace.DocumentBuilder.update(uris, []);
    };
    /** Every diagnostic the editor shows: the last one published for each file. */
    const findings = () => [...published.entries()].flatMap(([uri, shown]) => shown.map(d => `${uri.slice(uriOf('').length)}:${d.range.start.line + 1} ${String(d.code)}`));
    return { edit, findings, published };
}

describe('examples/acme in the editor, while it is edited', () => {
    const files = readExample('examples/acme');

    it('returns to its loop findings only after cross-file faults are introduced and undone', async () => {
        const session = editorSession('acme');
        const clean = [...ACME_LOOP_FINDINGS].sort();
        await session.edit(files);
        expect(session.published.size).toBe(Object.keys(files).length);
        expect(session.findings().sort()).toEqual(clean);

        // Tighten a WIP limit (the doing work is in another file) and rename a bet that other files use.
        const streams = files['streams.eos'];
        const strategy = files['strategy.eos'];
        expect(streams).toContain('owner Payments\n  wip 2');
        expect(strategy).toContain('bet FrictionlessOpening ');
        await session.edit({ 'streams.eos': streams.replace('owner Payments\n  wip 2', 'owner Payments\n  wip 1') });
        await session.edit({ 'strategy.eos': strategy.replace('bet FrictionlessOpening ', 'bet FrictionlessOpen ') });
        const broken = session.findings();
        expect(broken).toContain('streams.eos:13 wip-exceeded');
        expect(broken.filter(f => f.endsWith('unresolved-reference')).length).toBeGreaterThanOrEqual(3);

        // Undo both, one file at a time, as a strategist would.
        await session.edit({ 'strategy.eos': strategy });
        await session.edit({ 'streams.eos': streams });
        expect(session.findings().sort()).toEqual(clean);

        // An edit in the CRLF file that changes no name (a title) keeps everything clean.
        const payments = files['teams/payments.eos'];
        expect(payments).toContain('\r\n');
        await session.edit({ 'teams/payments.eos': payments.replace('"Transfers crew"', '"Transfers crew – Överföringar"') });
        expect(session.findings().sort()).toEqual(clean);
    });
});

describe('examples/flawed: every diagnostic code, where its marker says', () => {
    const files = readExample('examples/flawed');
    const expected = expectedFindings(files);

    it('marks every code of the catalogue', () => {
        expect(new Set(expected.map(finding => finding.code))).toEqual(new Set(DIAGNOSTIC_CODES));
    });

    it('reports exactly the marked findings in the editor', async () => {
        const ws = await buildExample(files);
        const actual = ws
            .all()
            .map(d => ({ file: d.file, line: d.range.start.line + 1, code: String(d.code) }))
            .sort(compareFindings);
        expect(actual).toEqual(expected);
    });

    it('reports exactly the marked findings from `eos check`, exiting 1 for its errors', async () => {
        const { status, report } = await cliCheck(['examples/flawed']);
        const actual = report.diagnostics
            .map(d => ({ file: path.relative('examples/flawed', d.file).split(path.sep).join('/'), line: d.line, code: d.code }))
            .sort(compareFindings);
        expect(actual).toEqual(expected);
        expect(status).toBe(1);
    });
});

describe('the examples folder as one workspace (`eos check examples`)', () => {
    it('keeps the examples independent: acme shows only its loop findings and flawed reports only its markers', async () => {
        const { report } = await cliCheck(['examples']);
        const acme = report.diagnostics.filter(d => d.file.startsWith('examples/acme/')).map(d => `${d.file.slice('examples/acme/'.length)}:${d.line} ${d.code}`);
        expect(acme).toEqual(ACME_LOOP_FINDINGS);
        const flawed = report.diagnostics
            .filter(d => d.file.startsWith('examples/flawed/'))
            .map(d => ({ file: d.file.slice('examples/flawed/'.length), line: d.line, code: d.code }))
            .sort(compareFindings);
        expect(flawed).toEqual(expectedFindings(readExample('examples/flawed')));
    });
});
