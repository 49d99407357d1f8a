/**
 * Aligned autonomy findings: decision rights, decision records, the tenet and value audits, the
 * layer test and cross-team needs. Each code has a trigger and near misses.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../../helpers.js';
import { expectCodeAtMarkers, messagesOf } from './rule-cases.js';

const TODAY = '2026-03-01';

const org = `
team Bank "Bank" { level company }
team Engineering "Engineering" { level function parent Bank }
team Platform "Platform team" { level team parent Engineering }
team Payments "Payments" { level stream parent Bank }
team Pod "Pod" { level pod parent Payments }
value Trust "Trust" { owner Bank }
tenet Reliable { when "speed and reliability conflict" choose "reliability" over "speed" because "b" upholds Trust }
authority Api "API design" { decided by level function escalate when "it breaks another team" to Bank applies Trust }
authority Limits "Payment limits" { decided by Payments }
`;

describe('decision-below-level', () => {
    it('is reported on a decision taken below the level its type requires, and not escalated', () =>
        expectCodeAtMarkers('decision-below-level', {
            name: 'trigger',
            today: TODAY,
            files: {
                'org.eos': org,
                'd.eos':
                    'decision <|Low|> { date 2026-02-01 type Api owner Platform follows Reliable }\ndecision <|Sideways|> { date 2026-02-02 type Limits owner Platform follows Reliable escalated to Engineering }'
            }
        }));
    it('is not reported at or above the level, for the named team or a team above it, or when escalated to a team with the right', () =>
        expectCodeAtMarkers('decision-below-level', {
            name: 'near miss',
            today: TODAY,
            files: {
                'org.eos': org,
                'd.eos': [
                    'decision AtLevel { date 2026-02-01 type Api owner Engineering follows Reliable }',
                    'decision Above { date 2026-02-01 type Api owner Bank }',
                    'decision Named { date 2026-02-01 type Limits owner Payments }',
                    'decision AboveNamed { date 2026-02-01 type Limits owner Bank }',
                    'decision Escalated { date 2026-02-01 type Api owner Platform escalated to Engineering }',
                    'decision NoType { date 2026-02-01 owner Pod }',
                    'decision NoLevel { date 2026-02-01 type Api owner Loose }',
                    'team Loose "No level"'
                ].join('\n')
            }
        }));
    it("names the rights, the owner's level and what to write", async () => {
        const [message] = await messagesOf('decision-below-level', { 'org.eos': org, 'd.eos': 'decision Low { date 2026-02-01 type Api owner Platform }' }, TODAY);
        expect(message).toBe(
            "Decision 'Low' by Platform (team level) is for a team at function level or above, not escalated — write `escalated to <Team>`, or change `decided by` in 'Api'."
        );
        expect(message).toContain('escalated to <Team>');
    });
});

describe('decision-not-escalated', () => {
    it('is reported when the trigger applied and nobody escalated, or it went elsewhere', () =>
        expectCodeAtMarkers('decision-not-escalated', {
            name: 'trigger',
            today: TODAY,
            files: {
                'org.eos': org,
                'd.eos':
                    'decision <|Quiet|> { date 2026-02-01 type Api owner Engineering triggers escalation }\ndecision <|Elsewhere|> { date 2026-02-01 type Api owner Engineering triggers escalation escalated to Payments }'
            }
        }));
    it('is not reported when escalated to the named team (or above), or when the trigger did not apply', () =>
        expectCodeAtMarkers('decision-not-escalated', {
            name: 'near miss',
            today: TODAY,
            files: {
                'org.eos': org,
                'd.eos': [
                    'decision Up { date 2026-02-01 type Api owner Engineering triggers escalation escalated to Bank }',
                    'decision NoTrigger { date 2026-02-01 type Api owner Engineering }',
                    'decision AnyTeam { date 2026-02-01 type Limits owner Payments triggers escalation escalated to Bank }',
                    'decision Unknown { date 2026-02-01 type Api owner Engineering triggers escalation escalated to Nobody }'
                ].join('\n')
            }
        }));
    it('quotes the trigger and names the team the rights send it to', async () => {
        const [message] = await messagesOf(
            'decision-not-escalated',
            { 'org.eos': org, 'd.eos': 'decision Quiet { date 2026-02-01 type Api owner Engineering triggers escalation }' },
            TODAY
        );
        expect(message).toContain('("it breaks another team")');
        expect(message).toContain('`escalated to Bank`');
    });
});

describe('tenet-set-aside-without-reason', () => {
    it('is reported on each tenet set aside without because, where it is cited', () =>
        expectCodeAtMarkers('tenet-set-aside-without-reason', {
            name: 'trigger',
            today: TODAY,
            files: {
                'org.eos': org + 'tenet Other { when "x" choose "a" over "b" because "c" upholds Trust }',
                'd.eos':
                    'decision D { date 2026-02-01 owner Platform sets aside <|Reliable|>, <|Other|> }\ndecision E { date 2026-02-01 owner Platform sets aside <|Reliable|> because "  " }'
            }
        }));
    it('is not reported with a reason, or for a followed tenet', () =>
        expectCodeAtMarkers('tenet-set-aside-without-reason', {
            name: 'near miss',
            today: TODAY,
            files: {
                'org.eos': org,
                'd.eos':
                    'decision D { date 2026-02-01 owner Platform sets aside Reliable because "a hotfix during an outage" }\ndecision E { date 2026-02-02 owner Platform follows Reliable }'
            }
        }));
});

describe('tenet-unused', () => {
    const files = (decisions: string) => ({ 'org.eos': org, 'd.eos': decisions });
    it('is reported when the latest citation is older than the window, or the tenet was never cited since the log started', () =>
        expectCodeAtMarkers('tenet-unused', {
            name: 'trigger',
            today: TODAY,
            files: {
                'org.eos': org.replace('tenet Reliable', 'tenet <|Reliable|>') + '\ntenet <|Never|> { when "x" choose "a" over "b" because "c" upholds Trust }',
                'd.eos': 'decision Old { date 2025-11-01 owner Bank follows Reliable }\ndecision New { date 2026-02-20 owner Bank applies Trust }'
            }
        }));
    it('is not reported within the window, nor in a workspace without decision records', async () => {
        await expectCodeAtMarkers('tenet-unused', { name: 'near miss', today: TODAY, files: files('decision Recent { date 2025-12-02 owner Bank follows Reliable }') });
        await expectCodeAtMarkers('tenet-unused', { name: 'near miss', today: TODAY, files: files('') });
        // A young log: the tenet was never cited, but the log started 30 days ago.
        await expectCodeAtMarkers('tenet-unused', {
            name: 'near miss',
            today: TODAY,
            files: {
                'org.eos': org + 'tenet Fresh { when "x" choose "a" over "b" because "c" upholds Trust }',
                'd.eos': 'decision D { date 2026-01-30 owner Bank follows Reliable }'
            }
        });
    });
    it('takes its window from tenetUnusedAfterDays', async () => {
        const text = files('decision Old { date 2025-11-01 owner Bank follows Reliable }');
        const strict = await buildWorkspace(text, { today: TODAY, config: { diagnostics: {}, tenetUnusedAfterDays: 30 } });
        const lenient = await buildWorkspace(text, { today: TODAY, config: { diagnostics: {}, tenetUnusedAfterDays: 200 } });
        expect(
            strict
                .all()
                .filter(d => d.code === 'tenet-unused')
                .map(d => d.message)
        ).toEqual([expect.stringContaining("Tenet 'Reliable' was last cited 120 days ago (limit 30) — cite it (`follows Reliable`), sharpen its `when`, or retire it.")]);
        expect(lenient.all().filter(d => d.code === 'tenet-unused')).toEqual([]);
    });
});

describe('tenet-contested', () => {
    it('is reported on a tenet followed by one decision and set aside by another', () =>
        expectCodeAtMarkers('tenet-contested', {
            name: 'trigger',
            today: TODAY,
            files: {
                'org.eos': org.replace('tenet Reliable', 'tenet <|Reliable|>'),
                'd.eos': 'decision A { date 2026-02-01 owner Bank follows Reliable }\ndecision B { date 2026-02-02 owner Bank sets aside Reliable because "internal tool" }'
            }
        }));
    it('is not reported when every decision cites it the same way', () =>
        expectCodeAtMarkers('tenet-contested', {
            name: 'near miss',
            today: TODAY,
            files: {
                'org.eos': org,
                'd.eos': 'decision A { date 2026-02-01 owner Bank follows Reliable }\ndecision B { date 2026-02-02 owner Bank follows Reliable }'
            }
        }));
    it('names the decisions on each side', async () => {
        const [message] = await messagesOf(
            'tenet-contested',
            { 'org.eos': org, 'd.eos': 'decision A { date 2026-02-01 owner Bank follows Reliable }\ndecision B { date 2026-02-02 owner Bank sets aside Reliable because "r" }' },
            TODAY
        );
        expect(message).toContain("Tenet 'Reliable' is followed by A but set aside by B");
    });
});

describe('value-drift', () => {
    it('is reported on a lived value that no decision applied within the window', () =>
        expectCodeAtMarkers('value-drift', {
            name: 'trigger',
            today: TODAY,
            files: {
                'org.eos': org + '\nvalue <|Craft|> "Craft" { owner Bank }\npractice Reviews "Code reviews" { embodies Craft owner Platform }',
                'd.eos': 'decision Old { date 2025-10-01 owner Bank applies Craft }\ndecision New { date 2026-02-20 owner Bank follows Reliable }'
            }
        }));
    it('counts a followed tenet, the decision type and a more specific value as applying it', () =>
        expectCodeAtMarkers('value-drift', {
            name: 'near miss',
            today: TODAY,
            files: {
                'org.eos': org + '\nvalue Sacred "Production is sacred" { extends Trust owner Engineering }\nvalue Fast "Fast" { owner Bank }\nauthority Speedy { applies Fast }',
                'd.eos': 'decision Old { date 2025-10-01 owner Bank }\ndecision ViaType { date 2026-02-20 type Speedy owner Bank follows Reliable applies Sacred }'
            }
        }));
    it('leaves a value nothing lives out to value-unpracticed', async () => {
        const ws = await buildWorkspace(
            {
                'org.eos': org + '\nvalue Slogan "Be great"',
                'd.eos': 'decision Old { date 2025-10-01 owner Bank follows Reliable }\ndecision New { date 2026-02-20 owner Bank follows Reliable }'
            },
            { today: TODAY }
        );
        expect(
            ws
                .all()
                .filter(d => d.code === 'value-drift' || d.code === 'value-unpracticed')
                .map(d => d.code)
        ).toEqual(['value-unpracticed']);
    });
});

describe('value-chain-broken', () => {
    it('is reported on a value owned below company level that reaches no company value, and on a practice whose value breaks further up', () =>
        expectCodeAtMarkers('value-chain-broken', {
            name: 'trigger',
            today: TODAY,
            files: {
                'org.eos': org,
                'v.eos': [
                    'value <|Speed|> "Speed" { owner Engineering }',
                    'value Local "Local reading" { extends Speed }',
                    'practice Standups "Stand-ups" { embodies Trust, <|Local|> owner Platform }',
                    'practice Direct "Direct" { embodies Speed owner Platform }'
                ].join('\n')
            }
        }));
    it('is not reported when the chain reaches a company value, or ends in a value nobody owns', () =>
        expectCodeAtMarkers('value-chain-broken', {
            name: 'near miss',
            today: TODAY,
            files: {
                'org.eos': org,
                'v.eos': [
                    'value Sacred "Production is sacred" { extends Trust owner Engineering }',
                    'value TeamSacred "Our reading" { extends Sacred owner Platform }',
                    'value Unowned "Somebody\'s value"',
                    'value Reading "A reading" { extends Unowned owner Engineering }',
                    'practice P1 { embodies TeamSacred owner Platform }',
                    'practice P2 { embodies Trust owner Platform }',
                    'practice P3 { embodies Reading owner Platform }'
                ].join('\n')
            }
        }));
});

describe('need-unsupported', () => {
    const plan = `
bet Rail "Real-time rail" { hypothesis "h" }
okr PayQ1 "Pay instantly" { owner Payments period 2026-Q1 supports Rail kr K "k" from 1 to 2 }
initiative Links "Payment links" { bet Rail owner Pod }
`;
    it('is reported on a need that the other team has not planned for', () =>
        expectCodeAtMarkers('need-unsupported', {
            name: 'trigger',
            today: TODAY,
            files: {
                'org.eos': org + plan.replace('kr K "k" from 1 to 2', 'kr K "k" from 1 to 2 needs <|Platform|> "an API"').replace('owner Pod', 'owner Pod needs <|Engineering|>'),
                'p.eos': 'initiative Stopped { bet Rail owner Platform status stopped }'
            }
        }));
    it('is met by an OKR of theirs that supports it (or a key result), or by a live initiative of theirs on the same bet', () =>
        expectCodeAtMarkers('need-unsupported', {
            name: 'near miss',
            today: TODAY,
            files: {
                'org.eos':
                    org + plan.replace('kr K "k" from 1 to 2', 'kr K "k" from 1 to 2 needs Platform "an API" needs Engineering').replace('owner Pod', 'owner Pod needs Platform'),
                'p.eos': 'okr PlatQ1 { owner Platform period 2026-Q1 supports PayQ1.K kr A "a" from 1 to 2 }\ninitiative Api { bet Rail owner Platform status doing }'
            }
        }));
    it('says who must plan what', async () => {
        const [message] = await messagesOf('need-unsupported', { 'org.eos': org + plan.replace('owner Pod', 'owner Pod needs Engineering "a rail API"') }, TODAY);
        expect(message).toContain("Initiative 'Links' needs Engineering, and nothing Engineering plans meets it — agree it with Engineering (an OKR with `supports Links`");
        expect(message).toContain("an initiative under bet 'Rail'");
    });
});
