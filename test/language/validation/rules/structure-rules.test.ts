import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../../helpers.js';
import { expectCodeAtMarkers, messagesOf } from './rule-cases.js';

describe('duplicate-name', () => {
    it('is reported on each of two elements of one kind sharing a name, across files', () =>
        expectCodeAtMarkers('duplicate-name', {
            name: 'trigger',
            files: { 'a.eos': 'bet <|Growth|> "one"', 'b.eos': 'bet <|Growth|> "two"\nokr O {\n  kr <|K|> from 1 to 2\n  kr <|K|> from 2 to 3\n}' }
        }));
    it('is not reported for the same name on different kinds, or the same KR name in different OKRs', () =>
        expectCodeAtMarkers('duplicate-name', {
            name: 'near miss',
            files: { 'a.eos': 'team Onboarding\nstream Onboarding\nbet Onboarding', 'b.eos': 'okr A { kr K from 1 to 2 }\nokr B { kr K from 1 to 2 }' }
        }));
    it('says where the other one is', async () => {
        const messages = await messagesOf('duplicate-name', { 'a.eos': 'bet Growth', 'b.eos': '\nbet Growth' });
        expect(messages).toContainEqual(expect.stringContaining('b.eos:2'));
        expect(messages).toContainEqual(expect.stringContaining('a.eos:1'));
    });
    it('tells two files of the same name apart by their folders, and says "line" within one file', async () => {
        const messages = await messagesOf('duplicate-name', {
            'growth/strategy.eos': 'bet Growth',
            'retention/strategy.eos': '\nbet Growth',
            'retention/more.eos': 'team T\nteam T'
        });
        expect(messages).toContainEqual(expect.stringContaining('(retention/strategy.eos:2)'));
        expect(messages).toContainEqual(expect.stringContaining('(growth/strategy.eos:1)'));
        expect(messages).toContainEqual(expect.stringContaining('(line 2)'));
    });
});

describe('alignment-cycle', () => {
    it('is reported on every element of a supports cycle spanning files, including through a key result', () =>
        expectCodeAtMarkers('alignment-cycle', {
            name: 'trigger',
            files: {
                'a.eos': 'okr <|A|> { supports B kr K from 1 to 2 }\nokr Outside { supports A kr K from 1 to 2 }',
                'b.eos': 'okr <|B|> { supports C.K kr K from 1 to 2 }\nokr <|C|> { supports A kr K from 1 to 2 }'
            }
        }));
    it('is reported on extends and parent cycles and on a self-reference', () =>
        expectCodeAtMarkers('alignment-cycle', {
            name: 'trigger',
            files: {
                'a.eos': 'value <|X|> { extends Y }\nvalue <|Y|> { extends X }\nteam <|Self|> { parent Self }\nteam <|P|> { parent Q }\nteam <|Q|> { parent P }'
            }
        }));
    it('is not reported for a chain that ends, or a diamond', () =>
        expectCodeAtMarkers('alignment-cycle', {
            name: 'near miss',
            files: {
                'a.eos':
                    'okr Top { kr K from 1 to 2 }\nokr L { supports Top kr K from 1 to 2 }\nokr R { supports Top kr K from 1 to 2 }\nokr Bottom { supports L, R kr K from 1 to 2 }\nteam Co\nteam D { parent Co }\nvalue V\nvalue W { extends V }'
            }
        }));
    it('shows the cycle as a path', async () => {
        const messages = await messagesOf('alignment-cycle', { 'a.eos': 'team P { parent Q }\nteam Q { parent P }' });
        expect(messages).toContainEqual(expect.stringContaining('P → Q → P'));
    });
});

describe('invalid-period', () => {
    it('is reported on impossible periods, dates and horizons, on the value', () =>
        expectCodeAtMarkers('invalid-period', {
            name: 'trigger',
            files: {
                'a.eos':
                    'okr O { period <|2026-Q5|> }\nokr H { period <|2026-H3|> }\ninitiative I { updated <|2026-02-30|> }\ninitiative J { updated <|2026-13-01|> }\nbet B { evidence <|2025-02-29|> supports "x" }\ntheme T { horizon <|2028..2026|> }\nokr Z { period <|2026-Q0|> }'
            }
        }));
    it('accepts leap days, every quarter and half, and a plain year', () =>
        expectCodeAtMarkers('invalid-period', {
            name: 'near miss',
            files: {
                'a.eos':
                    'okr A { period 2026-Q4 }\nokr B { period 2026-H2 }\nokr C { period 2026 }\ninitiative I { updated 2028-02-29 }\ntheme T { horizon 2026..2026 }\nbet E { evidence 2026-12-31 supports "x" }'
            }
        }));
    it('says why the date is impossible', async () => {
        const [message] = await messagesOf('invalid-period', { 'a.eos': 'initiative I { updated 2026-02-30 }' });
        expect(message).toContain('month 02 of 2026 has 28 days');
    });
});

describe('unresolved-reference', () => {
    it('is reported on the name, with the nearest names of the expected kind', async () => {
        const ws = await buildWorkspace({
            'a.eos': 'bet EarlyExperience { hypothesis "h" }\nteam EarlyExperiment',
            'b.eos': 'initiative I { bet <|EarlyExperiance|> owner <|Nobody|> }'
        });
        const unresolved = ws.diagnostics('b.eos').filter(d => d.code === 'unresolved-reference');
        expect(unresolved.map(d => d.range)).toEqual(ws.markers.get('b.eos'));
        expect(unresolved[0].message).toBe("No bet is named 'EarlyExperiance' — did you mean 'EarlyExperience'?");
        expect(unresolved[0].data).toMatchObject({ code: 'unresolved-reference', suggestions: ['EarlyExperience'] });
        expect(unresolved[1].message).toBe("No team is named 'Nobody' — check the spelling, or create it.");
    });
    it('checks references by kind: a team name does not satisfy a bet reference', () =>
        expectCodeAtMarkers('unresolved-reference', {
            name: 'trigger',
            files: { 'a.eos': 'team Growth\ninitiative I { bet <|Growth|> }' }
        }));
    it('resolves key results as Okr.Kr and types supports targets', () =>
        expectCodeAtMarkers('unresolved-reference', {
            name: 'trigger',
            files: { 'a.eos': 'okr A { kr K from 1 to 2 }\nokr B { supports A.K, <|A.Missing|>, <|K|> kr K from 1 to 2 }\nteam T\nokr C { supports <|T|> kr K from 1 to 2 }' }
        }));
});

describe('syntax', () => {
    it('is an error with code syntax at the offending token', async () => {
        const ws = await buildWorkspace({ 'a.eos': 'theme T "t" {\n  horizon <|"soon"|>\n}' });
        const syntax = ws.diagnostics('a.eos').filter(d => d.code === 'syntax');
        expect(syntax.length).toBe(1);
        expect(syntax[0].range).toEqual(ws.markers.get('a.eos')![0]);
        expect(syntax[0].severity).toBe(1);
    });
    it('ends a text with a missing closing quote at the end of its line, and parses the next lines', async () => {
        const ws = await buildWorkspace({ 'a.eos': 'bet B <|"unterminated title|>\ntheme T "fine"\ninitiative I { status <|wip|> bet B }' });
        const syntax = ws
            .diagnostics('a.eos')
            .filter(d => d.code === 'syntax')
            .sort((a, b) => a.range.start.line - b.range.start.line);
        expect(syntax.map(d => d.range)).toEqual(ws.markers.get('a.eos'));
        expect(syntax.map(d => d.message)).toEqual([
            'This text has no closing quote: add " where it should end.',
            '`wip` is not an initiative status — write `doing`, the EOS word for it (read so until you do).'
        ]);
        const model = ws.services.eos.StrategyWorkspace.model;
        expect(model.get('bet', 'B')!.title).toBe('unterminated title');
        expect(model.get('theme', 'T')!.title).toBe('fine');
    });
    it('marks exactly the unclosed text, after unicode and in CRLF files, in either quote style', async () => {
        const ws = await buildWorkspace({ 'a.eos': 'theme T "ok"\r\nbet Été <|\'open|>\r\nbet B "x" {\r\n  hypothesis <|"also \\" open|>\r\n}' });
        const syntax = ws.diagnostics('a.eos').filter(d => d.code === 'syntax');
        expect(syntax.map(d => d.range)).toEqual(ws.markers.get('a.eos'));
        expect(syntax[0].message).toBe("This text has no closing quote: add ' where it should end.");
    });
    it('is not reported for well-formed text', () =>
        expectCodeAtMarkers('syntax', {
            name: 'near miss',
            files: { 'a.eos': 'theme T "t" {\n  horizon 2026..2027\n}' }
        }));
});

describe('duplicate-property (beyond the LANGUAGE.md catalogue)', () => {
    it('is reported on the later occurrence of a property written twice', () =>
        expectCodeAtMarkers('duplicate-property', {
            name: 'trigger',
            files: {
                'a.eos':
                    'initiative I {\n  status doing\n  bet B\n  status <|done|>\n}\nstream S { wip 2 wip <|3|> }\ntheme T { horizon 2026 horizon <|2027|> }\ntenet X { when "a" when <|"b"|> }\nbet B'
            }
        }));
    it('is not reported for list properties written in several lines, or for key results and evidence', () =>
        expectCodeAtMarkers('duplicate-property', {
            name: 'near miss',
            files: {
                'a.eos':
                    'bet B {\n  serves T\n  serves U\n  streams S\n  streams R\n  evidence supports\n  evidence contradicts\n}\nokr O { supports B supports T kr A from 1 to 2 kr C from 1 to 2 }\npractice P { embodies V embodies W }\ntenet X { upholds V upholds W }'
            }
        }));
});
