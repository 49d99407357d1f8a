import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../helpers.js';

async function model(text: string) {
    const ws = await buildWorkspace({ 'a.eos': text });
    const syntax = ws.diagnostics('a.eos').filter(d => d.code === 'syntax');
    return { ws, syntax, elements: ws.services.eos.StrategyWorkspace.model.elements };
}

describe('parsing every construct', () => {
    it('reads each element kind with its properties in any order', async () => {
        const { syntax, elements } = await model(`
vision V "Vision" { horizon 2026..2030 owner Co }
theme T "Theme" { horizon 2026 vision V owner Co }
stream S "Stream" { owner Co wip 3 }
bet B "Bet" {
  status active
  streams S
  hypothesis "If we do X, Y improves"
  serves T
  owner Co
  evidence 2026-02-15 supports "pilot went well"
  evidence 2026-03-01 contradicts "churn rose"
}
initiative I "Initiative" {
  updated 2026-01-20 status doing bet B stream S owner Co
  hypothesis "h" outcome "o" success "s" failure "f"
}
okr O "Objective" {
  period 2026-Q1 owner Co supports B
  kr K1 "percent" from 40% to 65% current 52%
  kr K2 "unit word" from 12 to 8 days
  kr K3 "quoted unit" from 2.5 to 1.2 "s"
  kr K4 "negative" from -3 to 4.75 current -1
  kr K5 "no target"
}
team Co "Company" { level company }
team Div { parent Co level division }
value Val "Value" { owner Co }
value Sub { extends Val }
practice P "Practice" { embodies Val, Sub owner Div }
tenet Te "Tenet" { upholds Val when "x" because "z" choose "a" over "b" }
`);
        expect(syntax).toEqual([]);
        const byName = new Map(elements.map(e => [`${e.kind}:${e.name}`, e]));
        expect(byName.get('vision:V')!.horizon).toEqual({ start: 2026, end: 2030 });
        expect(byName.get('theme:T')!.horizon).toEqual({ start: 2026 });
        expect(byName.get('stream:S')!.wip).toBe(3);
        const bet = byName.get('bet:B')!;
        expect(bet.status).toBe('active');
        expect(bet.evidence!.map(e => [e.date, e.verdict, e.text])).toEqual([
            ['2026-02-15', 'supports', 'pilot went well'],
            ['2026-03-01', 'contradicts', 'churn rose']
        ]);
        expect(bet.links.map(l => `${l.relation}:${l.target}`)).toEqual(['streams:S', 'serves:T', 'owner:Co']);
        const initiative = byName.get('initiative:I')!;
        expect([initiative.status, initiative.updated, initiative.hypothesis, initiative.outcome, initiative.success, initiative.failure]).toEqual([
            'doing',
            '2026-01-20',
            'h',
            'o',
            's',
            'f'
        ]);
        expect(byName.get('okr:O')!.keyResults).toEqual(['O.K1', 'O.K2', 'O.K3', 'O.K4', 'O.K5']);
        expect(byName.get('okr:O')!.period).toBe('2026-Q1');
        const kr = (name: string) => byName.get(`kr:O.${name}`)!;
        expect([kr('K1').baseline, kr('K1').target, kr('K1').currentWritten].map(m => [m!.value, m!.unit])).toEqual([
            [40, '%'],
            [65, '%'],
            [52, '%']
        ]);
        expect([kr('K2').baseline!.value, kr('K2').target!.value, kr('K2').target!.unit]).toEqual([12, 8, 'days']);
        expect(kr('K2').baseline!.unit).toBe('days'); // the unit is written once, for both figures
        expect([kr('K3').baseline!.value, kr('K3').target!.value, kr('K3').target!.unit]).toEqual([2.5, 1.2, 's']);
        expect([kr('K4').baseline!.value, kr('K4').target!.value, kr('K4').currentWritten!.value]).toEqual([-3, 4.75, -1]);
        expect(kr('K5').baseline).toBeUndefined();
        expect(byName.get('team:Div')!.level).toBe('division');
        const tenet = byName.get('tenet:Te')!;
        expect([tenet.situation, tenet.chosen, tenet.over, tenet.rationale]).toEqual(['x', 'a', 'b', 'z']);
    });

    it('reads every period form, every status, level and verdict', async () => {
        const statuses = ['funnel', 'reviewing', 'analyzing', 'ready', 'doing', 'done', 'stopped'];
        const betStatuses = ['proposed', 'active', 'validated', 'invalidated', 'stopped'];
        const levels = ['company', 'division', 'function', 'stream', 'crew', 'pod', 'team'];
        const text = [
            ...['2026-Q1', '2026-H1', '2026', '2026-Q4', '2026-H2'].map((p, i) => `okr P${i} { period ${p} }`),
            ...statuses.map((s, i) => `initiative I${i} { status ${s} }`),
            ...betStatuses.map((s, i) => `bet B${i} { status ${s} evidence supports evidence 2026-01-01 contradicts "x" }`),
            ...levels.map((l, i) => `team T${i} { level ${l} }`)
        ].join('\n');
        const { syntax, elements } = await model(text);
        expect(syntax).toEqual([]);
        expect(elements.filter(e => e.kind === 'okr').map(e => e.period)).toEqual(['2026-Q1', '2026-H1', '2026', '2026-Q4', '2026-H2']);
        expect(elements.filter(e => e.kind === 'initiative').map(e => e.status)).toEqual(statuses);
        expect(elements.filter(e => e.kind === 'bet').map(e => e.status)).toEqual(betStatuses);
        expect(elements.filter(e => e.kind === 'team').map(e => e.level)).toEqual(levels);
    });

    it('takes doc comments into the model and ignores ordinary comments', async () => {
        const { syntax, elements } = await model(`
// a line comment
/* a block comment */
/** Where we want to be. */
vision V "v" // trailing
/**
 * Multi-line doc
 * with **markdown**.
 */
theme T { vision V }
`);
        expect(syntax).toEqual([]);
        expect(elements.find(e => e.name === 'V')!.doc).toBe('Where we want to be.');
        expect(elements.find(e => e.name === 'T')!.doc).toContain('with **markdown**.');
    });

    it('accepts unicode names and titles, both quote styles and an empty file', async () => {
        const { syntax, elements } = await model(
            `theme Kundenbindung "Kunden, die bleiben — 🚀" { horizon 2026 }\nbet Évolution 'It\\'s "quoted"' { serves Kundenbindung hypothesis "x" }`
        );
        expect(syntax).toEqual([]);
        expect(elements.map(e => [e.name, e.title])).toEqual([
            ['Kundenbindung', 'Kunden, die bleiben — 🚀'],
            ['Évolution', 'It\'s "quoted"']
        ]);
        expect((await model('')).syntax).toEqual([]);
    });

    it('lets value words (statuses, levels) serve as names', async () => {
        const { syntax, ws } = await model(`team company "Acme" { level company }
team crew { level crew parent company }
stream done { wip 2 }
initiative ready { status ready stream done owner crew bet active }
bet active { serves T hypothesis "h" streams done }
theme T
okr doing { supports active kr funnel from 1 to 2 }
okr O2 { supports doing.funnel kr K from 1 to 2 }`);
        expect(syntax).toEqual([]);
        expect(ws.diagnostics('a.eos')).toEqual([]);
    });

    it('reads files with a byte-order mark and CRLF line endings, with correct positions', async () => {
        const text = '\uFEFFtheme T "t" {\r\n  horizon 2026\r\n}\r\ninitiative Lonely "x" {\r\n  status done\r\n}\r\n';
        const ws = await buildWorkspace({ 'a.eos': text });
        const diagnostics = ws.diagnostics('a.eos');
        expect(diagnostics.filter(d => d.code === 'syntax')).toEqual([]);
        const orphan = diagnostics.find(d => d.code === 'orphan-initiative')!;
        expect(orphan.range.start).toEqual({ line: 3, character: 11 });
        expect(orphan.range.end).toEqual({ line: 3, character: 17 });
    });

    it('reports a syntax error with code syntax and a readable message, and keeps the rest of the file', async () => {
        const ws = await buildWorkspace({ 'a.eos': 'theme T "t" { horizon }\nbet B "b" { serves T hypothesis "h" }\n' });
        const syntax = ws.diagnostics('a.eos').filter(d => d.code === 'syntax');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax[0].range.start.line).toBe(0);
        expect(String(syntax[0].message)).not.toMatch(/RULE_|token of type/);
        expect(ws.services.eos.StrategyWorkspace.model.get('bet', 'B')).toBeDefined();
    });
});
