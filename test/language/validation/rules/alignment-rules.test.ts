import { describe, expect, it } from 'vitest';
import { expectCodeAtMarkers, messagesOf } from './rule-cases.js';
import { buildWorkspace, describeDiagnostic } from '../../../helpers.js';

const strategy = `
vision V "Lead the market"
theme Retention "Keep customers" { vision V }
stream Onboarding "Onboarding" { wip 3 }
stream Support "Support"
bet Early "Improve early experience" { serves Retention hypothesis "h" streams Onboarding }
`;

describe('orphan-initiative', () => {
    it('is reported on an initiative without a bet, in any file', () =>
        expectCodeAtMarkers('orphan-initiative', {
            name: 'trigger',
            files: { 'strategy.eos': strategy, 'team.eos': 'initiative <|Referral|> "Referral rewards" { stream Onboarding status doing }\ninitiative <|Bare|>' }
        }));
    it('is not reported when the bet is linked, even in another file', () =>
        expectCodeAtMarkers('orphan-initiative', {
            name: 'near miss',
            files: { 'strategy.eos': strategy, 'team.eos': 'initiative Guided { bet Early stream Onboarding }' }
        }));
    it('is not reported for an initiative whose bet name is misspelt (that is unresolved-reference)', () =>
        expectCodeAtMarkers('orphan-initiative', {
            name: 'near miss',
            files: { 'strategy.eos': strategy, 'team.eos': 'initiative Guided { bet Erly }' }
        }));
    it("explains the fault in the method's terms", async () => {
        const [message] = await messagesOf('orphan-initiative', { 'a.eos': 'initiative Referral' });
        expect(message).toContain("Initiative 'Referral' is linked to no bet");
        expect(message).toContain('bet <Name>');
    });
});

describe('orphan-bet', () => {
    it('is reported on a bet that serves no theme', () =>
        expectCodeAtMarkers('orphan-bet', {
            name: 'trigger',
            files: { 'a.eos': 'bet <|Floating|> "x" { hypothesis "h" }' }
        }));
    it('is not reported when the bet serves a theme in another file', () =>
        expectCodeAtMarkers('orphan-bet', {
            name: 'near miss',
            files: { 'a.eos': 'bet Grounded { serves Retention hypothesis "h" }', 'b.eos': 'theme Retention' }
        }));
});

describe('unaligned-okr', () => {
    it('is reported on an OKR that supports nothing', () =>
        expectCodeAtMarkers('unaligned-okr', {
            name: 'trigger',
            files: { 'a.eos': 'okr <|Lonely|> "Be great" { kr K "k" from 1 to 2 }' }
        }));
    it('is not reported when the OKR supports a bet, theme, initiative, OKR or key result', () =>
        expectCodeAtMarkers('unaligned-okr', {
            name: 'near miss',
            files: {
                'a.eos': strategy + 'initiative I { bet Early }\nokr Top "Top" { supports Retention kr K "k" from 1 to 2 }',
                'b.eos': [
                    'okr A { supports Early kr K from 1 to 2 }',
                    'okr B { supports Retention kr K from 1 to 2 }',
                    'okr C { supports I kr K from 1 to 2 }',
                    'okr D { supports Top kr K from 1 to 2 }',
                    'okr E { supports Top.K kr K from 1 to 2 }'
                ].join('\n')
            }
        }));
});

describe('cascaded-okr', () => {
    it('is reported when an objective copies the objective it supports, ignoring case and spacing', () =>
        expectCodeAtMarkers('cascaded-okr', {
            name: 'trigger',
            files: {
                'company.eos': 'okr Growth "Grow revenue in Europe" { kr K from 1 to 2 }',
                'team.eos':
                    'okr <|TeamGrowth|> "grow  revenue in europe." { supports Growth kr K from 1 to 2 }\nokr <|ViaKr|> "Grow Revenue in Europe" { supports Growth.K kr K from 1 to 2 }'
            }
        }));
    it('is not reported when the team says what it changes to move the objective', () =>
        expectCodeAtMarkers('cascaded-okr', {
            name: 'near miss',
            files: {
                'company.eos': 'okr Growth "Grow revenue in Europe" { kr K from 1 to 2 }',
                'team.eos': 'okr TeamGrowth "Make checkout effortless for European cards" { supports Growth kr K from 1 to 2 }'
            }
        }));
    it('is reported on near-copies: a few words inserted or changed, a number, quotes, a final mark', () =>
        expectCodeAtMarkers('cascaded-okr', {
            name: 'near copies',
            files: {
                'company.eos': 'okr Growth "Grow revenue in Europe" { kr K from 1 to 2 }\nokr Reach "Reach 6 million customers" { kr K from 1 to 2 }',
                'team.eos': [
                    'okr <|Quarter|> "Grow revenue in Europe this quarter" { supports Growth kr K from 1 to 2 }',
                    'okr <|Northern|> "Grow revenue in Northern Europe!" { supports Growth kr K from 1 to 2 }',
                    'okr <|Quoted|> "\u201cGrow revenue\u201d in Europe" { supports Growth.K kr K from 1 to 2 }',
                    'okr <|OwnShare|> "Reach 2 million customers" { supports Reach kr K from 1 to 2 }'
                ].join('\n')
            }
        }));
    it('is not reported on objectives that share a word or two but say something else', () =>
        expectCodeAtMarkers('cascaded-okr', {
            name: 'not copies',
            files: {
                'company.eos': 'okr Growth "Grow revenue in Europe" { kr K from 1 to 2 }\nokr Loyal "Grow revenue" { kr K from 1 to 2 }',
                'team.eos': [
                    'okr Costs "Cut cost in Europe" { supports Growth kr K from 1 to 2 }',
                    'okr Loyalty "Grow loyalty" { supports Loyal kr K from 1 to 2 }',
                    'okr Checkout "Grow revenue from cards by making checkout effortless" { supports Loyal kr K from 1 to 2 }'
                ].join('\n')
            }
        }));
    it('says whether the objective is repeated word for word or nearly, and quotes the higher one', async () => {
        const ws = await buildWorkspace({
            'company.eos': 'okr Growth "Grow revenue in Europe" { kr K from 1 to 2 }',
            'team.eos':
                'okr Same "grow revenue in europe." { supports Growth kr K from 1 to 2 }\nokr Near "Grow revenue in Europe this quarter" { supports Growth kr K from 1 to 2 }'
        });
        const found = ws.diagnostics('team.eos').filter(d => d.code === 'cascaded-okr');
        expect(found.map(describeDiagnostic)).toEqual(['cascaded-okr@1:4-1:8', 'cascaded-okr@2:4-2:8']);
        expect(found[0].message).toBe("OKR 'Same' repeats the objective of 'Growth' word for word — say what this team will change to move it forward.");
        expect(found[1].message).toBe("OKR 'Near' nearly repeats the objective of 'Growth' (\"Grow revenue in Europe\") — say what this team will change to move it forward.");
    });
    it("is reported on a key result copied word for word from the supported OKR, not on the team's own", async () => {
        const ws = await buildWorkspace({
            'company.eos': 'okr Growth "Grow revenue in Europe" {\n  kr Revenue "Revenue from European customers" from 10 to 14\n  kr Nps "NPS" from 30 to 40\n}',
            'team.eos':
                'okr Cards "Make card payments effortless" {\n  supports Growth.Revenue\n  kr Copied "revenue from European customers." from 2 to 3\n  kr Own "Card payments that fail" from 4% to 1%\n  kr Nps "NPS of card payers" from 30 to 40\n}'
        });
        const found = ws.diagnostics('team.eos').filter(d => d.code === 'cascaded-okr');
        expect(found.map(describeDiagnostic)).toEqual(['cascaded-okr@3:5-3:11']);
        expect(found[0].message).toBe(
            "Key result 'Cards.Copied' repeats key result 'Growth.Revenue' of the supported OKR word for word — measure what this team changes to move it, with its own baseline and target."
        );
    });
});

describe('level-inversion', () => {
    const teams =
        'team Co { level company }\nteam Div { level division parent Co }\nteam Crew { level crew parent Div }\nteam Pod { level pod parent Crew }\nteam Fn { level function parent Co }';
    it("is reported when a higher level supports a lower level's OKR", () =>
        expectCodeAtMarkers('level-inversion', {
            name: 'trigger',
            files: {
                'teams.eos': teams,
                'okrs.eos':
                    'okr CrewGoal { owner Crew kr K from 1 to 2 }\nokr <|DivGoal|> { owner Div supports CrewGoal kr K from 1 to 2 }\nokr <|CoGoal|> { owner Co supports CrewGoal.K kr K from 1 to 2 }'
            }
        }));
    it('is not reported for support upwards or between peers (division and function; pod and team)', () =>
        expectCodeAtMarkers('level-inversion', {
            name: 'near miss',
            files: {
                'teams.eos': teams + '\nteam T { level team parent Crew }',
                'okrs.eos':
                    'okr DivGoal { owner Div kr K from 1 to 2 }\nokr FnGoal { owner Fn supports DivGoal kr K from 1 to 2 }\nokr PodGoal { owner Pod supports DivGoal kr K from 1 to 2 }\nokr TGoal { owner T supports PodGoal kr K from 1 to 2 }\nokr NoOwner { supports PodGoal kr K from 1 to 2 }'
            }
        }));
});

describe('stream-mismatch', () => {
    it('is reported on an initiative in a stream its bet does not span', () =>
        expectCodeAtMarkers('stream-mismatch', {
            name: 'trigger',
            files: { 'strategy.eos': strategy, 'team.eos': 'initiative <|Chatbot|> { bet Early stream Support }' }
        }));
    it('is not reported when the stream is spanned or the bet names no streams', () =>
        expectCodeAtMarkers('stream-mismatch', {
            name: 'near miss',
            files: {
                'strategy.eos': strategy + '\nbet Open { serves Retention hypothesis "h" }',
                'team.eos': 'initiative A { bet Early stream Onboarding }\ninitiative B { bet Open stream Support }'
            }
        }));
});

describe('unfunded-bet', () => {
    it('is reported on an active bet, or one with no status, that no initiative tests', () =>
        expectCodeAtMarkers('unfunded-bet', {
            name: 'trigger',
            files: { 'a.eos': 'bet <|Idle|> { hypothesis "h" }\nbet <|Running|> { status active }' }
        }));
    it('is reported when every initiative of a live bet is done or stopped, in any file', () =>
        expectCodeAtMarkers('unfunded-bet', {
            name: 'all finished',
            files: {
                'a.eos': 'bet <|Tested|> { status active }\nbet <|Unset|>\nbet StillRunning { status active }',
                'b.eos':
                    'initiative Pilot { bet Tested status done }\ninitiative Ads { bet Tested status stopped }\ninitiative Once { bet Unset status done }\ninitiative Over { bet StillRunning status done }\ninitiative Next { bet StillRunning status funnel }'
            }
        }));
    it('is not reported on proposed, validated or closed bets, nor when open work tests the bet', () =>
        expectCodeAtMarkers('unfunded-bet', {
            name: 'near miss',
            files: {
                'a.eos':
                    'bet Funded { hypothesis "h" }\nbet Proposal { status proposed }\nbet Proven { status validated }\nbet ProvenDone { status validated }\nbet Closed { status stopped }\nbet Refuted { status invalidated }\nbet NoStatusYet',
                'b.eos': 'initiative I { bet Funded }\ninitiative J { bet ProvenDone status done }\ninitiative K { bet NoStatusYet status ready }'
            }
        }));
    it('names the finished initiatives and says what to do next', async () => {
        const ws = await buildWorkspace({
            'a.eos': 'bet Tested { status active }',
            'b.eos': 'initiative Pilot { bet Tested status done }\ninitiative Ads { bet Tested status stopped }'
        });
        const [finding] = ws.diagnostics('a.eos').filter(d => d.code === 'unfunded-bet');
        expect(describeDiagnostic(finding)).toBe('unfunded-bet@1:4-1:10');
        expect(finding.message).toBe(
            "Bet 'Tested' has only finished initiatives (Pilot done, Ads stopped) — start a next initiative with `bet <Name>`, or set the bet `validated`, `invalidated` or `stopped`."
        );
    });
});

describe('theme-without-bets', () => {
    it('is reported on a theme no bet serves', () =>
        expectCodeAtMarkers('theme-without-bets', {
            name: 'trigger',
            files: { 'a.eos': 'theme <|Neglected|> "x"' }
        }));
    it('is not reported when a bet in another file serves it (among several themes)', () =>
        expectCodeAtMarkers('theme-without-bets', {
            name: 'near miss',
            files: { 'a.eos': 'theme A\ntheme B', 'b.eos': 'bet X { serves A, B }' }
        }));
});
