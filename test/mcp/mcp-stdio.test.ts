/**
 * `eos mcp` through the official SDK's client over stdio, as an assistant's host runs it: the
 * tool list, every tool with valid and invalid arguments, a proposal that adds an orphan
 * (reported, nothing written), apply refused while writing is off and allowed once it is on,
 * path escapes refused, and a file changed on disk seen by the next call.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = path.resolve(__dirname, '../../bin/eos.cjs');
const STRATEGY = `vision North "Be the bank people recommend"

theme Retention "Keep new customers" {
  vision North
}

stream Payments "Payments" { wip 2 }

bet Early "Improve the early experience" {
  serves Retention
  hypothesis "If the first weeks are easy, customers stay"
}

initiative Guided "Guided setup" {
  bet Early
  stream Payments
  status doing
  updated 2025-12-01
}

okr Confidence "Customers feel confident early" {
  supports Early
  period 2026-Q1
  kr FirstValue "Reach first value in a week" from 40% to 80% current 50%
}
`;

let dir: string;
let outside: string;
let client: Client;

type ToolResult = { isError?: boolean; content: Array<{ type: string; text: string }> };
async function call(name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
    return (await client.callTool({ name, arguments: args })) as ToolResult;
}
async function ok(name: string, args: Record<string, unknown> = {}) {
    const result = await call(name, args);
    expect(result.isError, result.content[0]?.text).toBeFalsy();
    const text = result.content[0].text;
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}
async function refused(name: string, args: Record<string, unknown>): Promise<string> {
    const result = await call(name, args);
    expect(result.isError).toBe(true);
    return result.content[0].text;
}

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-mcp-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-mcp-outside-'));
    fs.writeFileSync(path.join(dir, 'strategy.eos'), STRATEGY);
    fs.writeFileSync(path.join(outside, 'secret.eos'), 'vision Secret "outside the root"\n');
    fs.symlinkSync(path.join(outside, 'secret.eos'), path.join(dir, 'link.eos'));
    fs.symlinkSync(outside, path.join(dir, 'linked-folder'));
    client = new Client({ name: 'eos-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', '--root', dir, '--today', '2026-03-01'], stderr: 'pipe' }));
}, 30_000);

afterAll(async () => {
    await client?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
});

describe('eos mcp over stdio', () => {
    it('lists its tools', async () => {
        const { tools } = await client.listTools();
        expect(tools.map(t => t.name).sort()).toEqual([
            'apply_change',
            'explain',
            'get_element',
            'get_findings',
            'list_elements',
            'propose_change',
            'report',
            'search_elements',
            'trace'
        ]);
        expect(tools.find(t => t.name === 'apply_change')?.annotations?.readOnlyHint).toBe(false);
    });

    it('list_elements and search_elements filter; bad arguments are error results', async () => {
        const all = await ok('list_elements');
        expect(all.total).toBe(7); // the linked file outside the root is not read
        expect(all.elements.map((e: { name: string }) => e.name)).not.toContain('Secret');
        expect((await ok('list_elements', { kind: 'initiative', status: 'doing' })).elements).toEqual([
            { kind: 'initiative', name: 'Guided', title: 'Guided setup', file: 'strategy.eos', line: 14, status: 'doing' }
        ]);
        expect((await ok('list_elements', { period: '2026-Q1' })).elements.map((e: { name: string }) => e.name)).toEqual(['Confidence']);
        expect((await ok('search_elements', { text: 'first weeks' })).elements.map((e: { name: string }) => e.name)).toEqual(['Early']);
        expect(await refused('list_elements', { kind: 'goal' })).toMatch(/Input validation error/);
        expect(await refused('search_elements', {})).toMatch(/Input validation error/);
        expect(await refused('list_elements', { text: 'x'.repeat(5000) })).toMatch(/Input validation error/);
    });

    it('get_element gives traces, supporters, facts, findings and the hover', async () => {
        const bet = await ok('get_element', { name: 'Early' });
        expect(bet.kind).toBe('bet');
        expect(bet.traces).toEqual(['bet Early → theme Retention → vision North']);
        expect(bet.supporters.map((s: { relation: string; name: string }) => `${s.relation} ${s.name}`)).toEqual(['bet Guided', 'supports Confidence']);
        expect(bet.hover).toContain('Early');
        const kr = await ok('get_element', { name: 'Confidence.FirstValue' });
        expect(kr.facts.progress).toMatch(/25/);
        const initiative = await ok('get_element', { name: 'Guided', kind: 'initiative' });
        expect(initiative.findings.map((f: { code: string }) => f.code)).toEqual(['stalled-initiative']);
        expect(await refused('get_element', { name: 'Erly' })).toMatch(/No element is named 'Erly'/);
        expect(await refused('get_element', { name: 42 })).toMatch(/Input validation error/);
    });

    it('get_findings filters by code, severity and file', async () => {
        const findings = await ok('get_findings');
        expect(findings.counts).toEqual({ error: 0, warning: 1, info: 0, hint: 0 });
        expect((await ok('get_findings', { code: 'stalled-initiative' })).findings[0]).toMatchObject({ file: 'strategy.eos', line: 14, severity: 'warning' });
        expect((await ok('get_findings', { severity: 'error' })).total).toBe(0);
        expect((await ok('get_findings', { file: 'other.eos' })).total).toBe(0);
        expect(await refused('get_findings', { code: 'no-such-code' })).toMatch(/is not a diagnostic code/);
        expect(await refused('get_findings', { severity: 'fatal' })).toMatch(/Input validation error/);
    });

    it('explain gives the hover text of concepts and codes', async () => {
        expect(await ok('explain', { topic: 'bet' })).toMatch(/^\*\*bet/);
        expect(await ok('explain', { topic: 'orphan-initiative' })).toMatch(/default severity: warning[\s\S]*\*\*Fix:\*\*/);
        expect(await refused('explain', { topic: 'synergy' })).toMatch(/No concept or diagnostic code is called 'synergy'/);
        // Names every JavaScript object has are no concept either (they once answered with a function's text).
        expect(await refused('explain', { topic: 'constructor' })).toMatch(/No concept or diagnostic code is called 'constructor'/);
        expect(await ok('explain', { topic: 'doing' })).toMatch(/^\*\*doing\*\* \(initiative status/);
        expect(await refused('explain', {})).toMatch(/Input validation error/);
    });

    it('trace connects two elements; unknown names are refused', async () => {
        const trace = await ok('trace', { from: 'Confidence.FirstValue', to: 'North' });
        expect(trace.steps.map((s: { name: string }) => s.name)).toEqual(['Confidence.FirstValue', 'Confidence', 'Early', 'Retention', 'North']);
        expect(await refused('trace', { from: 'Nope', to: 'North' })).toMatch(/No element is named 'Nope'/);
    });

    it('report is the Markdown report', async () => {
        const report = await ok('report');
        expect(report).toMatch(/^# Strategy report/);
        expect(report).toContain('Be the bank people recommend');
    });

    it('a proposal that adds an orphan reports it and writes nothing', async () => {
        const before = fs.readFileSync(path.join(dir, 'strategy.eos'), 'utf8');
        const proposal = await ok('propose_change', {
            file: 'strategy.eos',
            edits: [{ oldText: 'okr Confidence', newText: 'initiative Referral "Referral programme" { stream Payments }\n\nokr Confidence' }]
        });
        expect(proposal.written).toBe(false);
        expect(proposal.canApply).toBe(true);
        expect(proposal.findingsIntroduced.map((f: { code: string }) => f.code)).toEqual(['orphan-initiative']);
        expect(proposal.changes.map((c: { change: string; name: string }) => `${c.change} ${c.name}`)).toEqual(['added Referral']);
        expect(proposal.summary).toContain('1 initiative now orphaned');
        expect(fs.readFileSync(path.join(dir, 'strategy.eos'), 'utf8')).toBe(before);
        // The live state is the files' state again.
        expect((await ok('list_elements', { kind: 'initiative' })).total).toBe(1);
        const broken = await ok('propose_change', { file: 'strategy.eos', edits: [{ oldText: 'bet Early\n  stream', newText: 'bet Nowhere\n  stream' }] });
        expect(broken.canApply).toBe(false);
        // Early loses its only initiative, too.
        expect(broken.findingsIntroduced.map((f: { code: string }) => f.code)).toEqual(['unresolved-reference', 'unfunded-bet']);
        expect(await refused('propose_change', { file: 'strategy.eos', edits: [{ oldText: 'not in the file', newText: 'x' }] })).toMatch(/oldText was not found/);
        expect(await refused('propose_change', { file: 'strategy.eos', edits: [{ oldText: '  ', newText: 'x' }] })).toMatch(/occurs more than once/);
        expect(await refused('propose_change', { file: 'strategy.eos' })).toMatch(/either text .* or edits/);
        expect(await refused('propose_change', { file: 'strategy.eos', text: 'x'.repeat(1_000_001) })).toMatch(/Input validation error/);
    });

    it('refuses paths that leave the root: .., absolute, links', async () => {
        for (const file of ['../escape.eos', '/etc/passwd.eos', 'C:\\x.eos', 'teams/../../x.eos', 'link.eos', 'linked-folder/secret.eos', 'notes.txt', 'node_modules/x.eos']) {
            expect(await refused('propose_change', { file, text: 'vision X "x"\n' }), file).toMatch(
                /absolute path|leaves the workspace|symbolic link|not an .eos file|not part of the workspace/
            );
            expect(await refused('apply_change', { file, text: 'vision X "x"\n' }), file).toMatch(
                /absolute path|leaves the workspace|symbolic link|not an .eos file|not part of the workspace/
            );
        }
        expect(fs.existsSync(path.join(os.tmpdir(), 'escape.eos'))).toBe(false);
        expect(fs.readFileSync(path.join(outside, 'secret.eos'), 'utf8')).toBe('vision Secret "outside the root"\n');
    });

    it('apply_change is refused while writing is off; with it on, writes formatted text that introduces no error', async () => {
        const change = { file: 'teams/crew.eos', text: 'team Crew   "The crew"   { level team }\n' };
        expect(await refused('apply_change', change)).toMatch(/^Writing is off for this workspace: nothing was written/);
        expect(fs.existsSync(path.join(dir, 'teams/crew.eos'))).toBe(false);

        fs.writeFileSync(path.join(dir, 'eos.config.json'), JSON.stringify({ mcp: { allowWrites: true } }));
        const applied = await ok('apply_change', change);
        expect(applied.written).toBe(true);
        expect(applied.changes.map((c: { change: string; name: string }) => `${c.change} ${c.name}`)).toEqual(['added Crew']);
        expect(fs.readFileSync(path.join(dir, 'teams/crew.eos'), 'utf8')).toBe('team Crew "The crew" { level team }\n');
        expect(await refused('apply_change', { file: 'strategy.eos', edits: [{ oldText: 'bet Early\n  stream', newText: 'bet Nowhere\n  stream' }] })).toMatch(
            /^Not written: the change introduces 1 error:\nstrategy\.eos:15 unresolved-reference/
        );
        expect(fs.readFileSync(path.join(dir, 'strategy.eos'), 'utf8')).toBe(STRATEGY);
        fs.rmSync(path.join(dir, 'eos.config.json'));
    });

    it('get_element reads a key result by its latest check-in, written in another file, and says it supersedes current', async () => {
        fs.writeFileSync(path.join(dir, 'checkins.eos'), 'checkin Confidence.FirstValue 2026-02-20 70% confidence high "pilot cohort"\n');
        const kr = await ok('get_element', { name: 'Confidence.FirstValue' });
        expect(kr.facts.current).toBe('70% (check-in 2026-02-20; the latest check-in wins over `current 50%` on the kr line)');
        expect(kr.facts.progress).toBe('75% of the way from 40% to 80%');
        expect(kr.facts.checkIns).toEqual([{ date: '2026-02-20', value: '70%', confidence: 'high', note: 'pilot cohort' }]);
        fs.rmSync(path.join(dir, 'checkins.eos'));
        expect((await ok('get_element', { name: 'Confidence.FirstValue' })).facts.progress).toBe('25% of the way from 40% to 80%');
    });

    it('sees files changed on disk at the next call, and survives nonsense', async () => {
        fs.writeFileSync(path.join(dir, 'later.eos'), 'value Candour "Say it as it is"\n');
        expect((await ok('list_elements', { kind: 'value' })).elements.map((e: { name: string }) => e.name)).toEqual(['Candour']);
        const unknown = (await client
            .callTool({ name: 'no_such_tool', arguments: {} })
            .catch((error: Error) => ({ isError: true, content: [{ type: 'text', text: error.message }] }))) as ToolResult;
        expect(unknown.isError).toBe(true);
        expect((await ok('list_elements')).total).toBe(9);
    });
});
