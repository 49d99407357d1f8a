import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runEos } from './run-eos.js';
import { ROOT, readExample, diagramOf } from '../diagram/diagram-fixtures.js';
import { parseXml } from '../diagram/xml.js';

function eos(args: string[]) {
    return runEos(args, ROOT);
}

describe('eos export --format svg|markdown', () => {
    it('writes a well-formed SVG of every tree element of the examples to --out', async () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eos-svg-')), 'tree.svg');
        const { code, stderr } = await eos(['export', 'examples/acme', '--format', 'svg', '--out', out, '--today', '2026-03-01']);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const svg = fs.readFileSync(out, 'utf8');
        const elements = parseXml(svg);
        expect(elements[0].name).toBe('svg');
        const drawn = new Set(elements.map(e => e.attributes['data-id']).filter(Boolean));
        const { workspace } = await diagramOf(readExample('examples/acme'));
        const model = workspace.services.eos.StrategyWorkspace.model;
        for (const kind of ['vision', 'theme', 'bet', 'initiative', 'okr'] as const) {
            for (const element of model.ofKind(kind)) expect(drawn, `${kind} ${element.name}`).toContain(`${kind}:${element.name}`);
        }
        const streams = new Set(elements.map(e => e.attributes['data-stream']).filter(Boolean));
        expect([...streams]).toEqual(model.ofKind('stream').map(s => s.name));
        const text = elements
            .filter(e => e.name === 'text')
            .map(e => e.text)
            .join('\n');
        for (const kr of model.ofKind('kr')) expect(text).toContain(kr.name.split('.')[1]);
        fs.rmSync(path.dirname(out), { recursive: true });
    });

    it('prints the SVG to stdout without --out: the same picture the preview draws', async () => {
        const { code, stdout } = await eos(['export', 'examples/language-md', '--format', 'svg', '--today', '2026-03-01']);
        expect(code).toBe(0);
        expect(stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
        const { result } = await diagramOf(readExample('examples/language-md'), { standalone: true });
        expect(stdout).toContain(result.svg);
    });

    it('writes a one-page Markdown report', async () => {
        const { code, stdout } = await eos(['export', 'examples/language-md', '--format', 'markdown', '--today', '2026-03-01']);
        expect(code).toBe(0);
        expect(stdout).toContain('**Become the primary digital banking provider** (`PrimaryBank`)');
        expect(stdout).toContain('- Bet: **Improve early customer experience** (`EarlyExperience`)');
        expect(stdout).toContain('  - Initiative: **Guided setup wizard** (`GuidedSetup`) · doing');
        expect(stdout).toContain('### Unaligned');
        expect(stdout).toContain('`FirstValue` New customers reach first value within 7 days: 40% → 65%, now 52% ▰▰▰▰▰▱▱▱▱▱ 48%');
        expect(stdout).toContain('| `Onboarding` | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 2 / 2 | — | — | — |');
        expect(stdout).toMatch(/\| warning \| `orphan-initiative` \| 1 \|/);
    });

    it("reports each stream's flow at --today: median cycle time, throughput per quarter, where work waits, ageing cards", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-flow-'));
        fs.writeFileSync(
            path.join(dir, 'flow.eos'),
            `stream Web "Web" { wip 3 }
bet B "b" { hypothesis "h" }
initiative D1 "d1" { bet B stream Web status done started 2026-01-01 finished 2026-01-11 }
initiative D2 "d2" { bet B stream Web status done started 2026-01-01 finished 2026-01-21 }
initiative D3 "d3" { bet B stream Web status stopped started 2026-01-01 updated 2026-01-31 }
initiative Old "old" { bet B stream Web status doing started 2026-01-01 updated 2026-02-25 }
initiative Waiting "waiting" { bet B stream Web status ready updated 2025-12-01 }
`
        );
        const { code, stdout } = await eos(['export', dir, '--format', 'markdown', '--today', '2026-03-01']);
        expect(code).toBe(0);
        expect(stdout).toContain('Ages on 2026-03-01;');
        expect(stdout).toContain('| `Web` | 0 | 0 | 0 | 1 | 1 | 2 | 1 | 1 / 3 | 20 days (3) | 2026-Q1: 3 | ready (avg 90 days) |');
        expect(stdout).toContain('Ageing work: `Old` 59 days (old).');
        // Another --today, other ages.
        const later = await eos(['export', dir, '--format', 'markdown', '--today', '2026-04-02']);
        expect(later.stdout).toContain('| 2026-Q1: 3, 2026-Q2: 0 |');
        expect(later.stdout).toContain('Ageing work: `Old` 91 days (old).');
    });
});
