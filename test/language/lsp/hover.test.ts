import { describe, expect, it, beforeAll } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import { buildWorkspace, readEosFolder, type TestWorkspace } from '../../helpers.js';
import { at, buildStrategy } from './lsp-fixture.js';
import { CATALOGUE, type CatalogueEntry, type DiagnosticCode } from '../../../src/language/validation/codes.js';

let ws: TestWorkspace;
beforeAll(async () => {
    ws = await buildStrategy();
});

async function hover(file: string, needle: string, options: { nth?: number; delta?: number } = {}): Promise<string> {
    const params = at(ws, file, needle, options);
    const result: Hover | undefined = await ws.services.lsp.HoverProvider!.getHoverContent(params.document, params);
    if (!result) return '';
    return typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : JSON.stringify(result.contents);
}

describe('hover on keywords explains the concept', () => {
    it('explains an element keyword: what, why, what a good one looks like', async () => {
        const text = await hover('strategy.eos', 'bet EarlyExperience');
        expect(text).toContain('**bet — a hypothesis about where to invest**');
        expect(text).toContain('*Why it matters:*');
        expect(text).toContain('*A good one:* Serves a theme');
    });

    it('explains `kr` and `tenet` keywords', async () => {
        expect(await hover('teams/onboarding.eos', 'kr FirstValue')).toContain('key result — how you will know');
        expect(await hover('strategy.eos', 'tenet ReliabilityFirst')).toContain('When {situation}, we choose {A} over {B} because {reason}');
    });

    it('explains property keywords in their element', async () => {
        expect(await hover('teams/onboarding.eos', 'supports EarlyExperience')).toContain('`supports` — what this OKR contributes to');
        expect(await hover('strategy.eos', 'serves Retention')).toContain('`serves` — the themes this bet advances');
        expect(await hover('strategy.eos', 'wip 1')).toContain('work-in-progress limit');
        expect(await hover('teams/onboarding.eos', 'status doing')).toContain("`status` — the initiative's kanban column");
        expect(await hover('teams/onboarding.eos', 'from 40%')).toContain('`from` — the baseline');
        expect(await hover('teams/onboarding.eos', 'to 65%')).toContain('`to` — the target');
        expect(await hover('teams/onboarding.eos', 'current 52%')).toContain('`current` — the latest reading');
        expect(await hover('strategy.eos', 'over "speed"')).toContain('`over` — the option given up');
        expect(await hover('strategy.eos', 'vision PrimaryBank', { nth: 1 })).toContain('`vision` — the vision this theme contributes to');
        expect(await hover('teams/onboarding.eos', 'bet EarlyExperience')).toContain('`bet` — the bet this initiative tests');
    });

    it('tells the evidence verdict `supports` apart from the OKR property `supports`', async () => {
        const verdict = await hover('strategy.eos', 'supports "Activation');
        expect(verdict).toContain('**`supports`** — evidence verdict');
        expect(verdict).toContain('contradicts');
    });

    it('explains status and level values and lists the alternatives', async () => {
        const doing = await hover('teams/onboarding.eos', 'doing');
        expect(doing).toContain('**`doing`** — initiative status (portfolio kanban)');
        expect(doing).toContain("counts against the stream's WIP limit");
        expect(doing).toContain('funnel · reviewing · analyzing · ready · **doing** · done · stopped');
        expect(await hover('teams/onboarding.eos', 'level crew', { delta: 6 })).toContain('**`crew`** — team level');
    });
});

describe('hover on elements and references shows the element in its context', () => {
    it('on a reference: kind, name, title, doc comment, trace and live facts', async () => {
        const text = await hover('teams/onboarding.eos', 'EarlyExperience', { delta: 3 });
        expect(text).toContain('**bet** `EarlyExperience` — Improve early customer experience');
        expect(text).toContain('Our main bet for 2026.');
        expect(text).toContain('**Trace:** bet `EarlyExperience` → strategic theme `Retention` → vision `PrimaryBank`');
        expect(text).toContain('**Initiatives (1):** `GuidedSetup` (doing)');
        expect(text).toContain('**OKRs (1):** `EarlyConfidence`');
        expect(text).toContain('**Streams:** `Onboarding`, `CoreProduct`, `Support`');
        expect(text).toContain('**Evidence (1):** latest 2026-02-15 supports: Activation in the pilot cohort rose from 40% to 52%');
    });

    it('traces an initiative up to the vision', async () => {
        const text = await hover('teams/onboarding.eos', 'GuidedSetup');
        expect(text).toContain('**Trace:** initiative `GuidedSetup` → bet `EarlyExperience` → strategic theme `Retention` → vision `PrimaryBank`');
        expect(text).toContain('**Success signal:** Median time to first value under 3 days');
    });

    it('traces an OKR through the key result and OKR it supports, listing every path', async () => {
        const text = await hover('teams/platform.eos', 'FasterSetup');
        // The key result stands for its OKR on the way up.
        expect(text).toContain('- OKR `FasterSetup` → key result `EarlyConfidence.FirstValue` → bet `EarlyExperience` → strategic theme `Retention` → vision `PrimaryBank`');
        expect(text).toContain('- OKR `FasterSetup` → OKR `EarlyConfidence` → bet `EarlyExperience`');
        expect(text).toContain('**Owner:** `PlatformPod` (pod)');
        expect(text).toContain('**Key results (1):** `FasterSetup.SetupErrors` (38%)');
    });

    it("shows a stream's WIP against its limit", async () => {
        const text = await hover('teams/onboarding.eos', 'stream Onboarding', { delta: 8 });
        expect(text).toContain('**value stream** `Onboarding` — Customer Onboarding');
        expect(text).toContain('**WIP:** 2 doing of a limit of 1 — over the limit');
        expect(text).toContain('**Initiatives (2):** `GuidedSetup` (doing), `ReferralProgram` (doing)');
    });

    it("shows a team's level, parent, sub-teams and OKRs", async () => {
        const text = await hover('teams/onboarding.eos', 'OnboardingCrew', { nth: 1 });
        expect(text).toContain('**Level:** crew');
        expect(text).toContain('**Parent:** `Growth`');
        expect(text).toContain('**Teams inside (1):** `PlatformPod`');
        expect(text).toContain('**OKRs (1):** `EarlyConfidence`');
        expect(text).toContain('**Trace:** team `OnboardingCrew` → team `Growth`');
        expect(await hover('teams/onboarding.eos', 'okr EarlyConfidence', { delta: 4 })).toContain('**Supported by (1):** `FasterSetup`');
    });

    it("shows a value's interpretations, tenets and practices", async () => {
        const trust = await hover('strategy.eos', 'CustomerTrust');
        expect(trust).toContain('**Interpreted by (1):** `ProductionSacred`');
        expect(trust).toContain('**Tenets (1):** `ReliabilityFirst`');
        const sacred = await hover('teams/onboarding.eos', 'ProductionSacred');
        expect(sacred).toContain('**Practices (1):** `PostmortemsIn24h`');
        expect(sacred).toContain('**Trace:** value `ProductionSacred` → value `CustomerTrust`');
    });

    it('spells a tenet out as a sentence', async () => {
        expect(await hover('strategy.eos', 'ReliabilityFirst')).toContain(
            'When speed and reliability conflict, we choose reliability over speed because customers depend on our critical paths.'
        );
    });

    it('points to the fix on an element that carries a diagnostic', async () => {
        const text = await hover('teams/onboarding.eos', 'ReferralProgram');
        expect(text).toContain(
            "⚠ `orphan-initiative`: Initiative 'ReferralProgram' is linked to no bet.\n\n" +
                '**Fix:** Add `bet <Name>`, or stop it.\n\n' +
                '**Why it matters:** Work linked to no bet shows nobody which hypothesis it tests or why it is funded.' +
                ' [More about `orphan-initiative`](https://github.com/eos-strategy/eos-strategy/blob/main/docs/language.md#orphan-initiative)'
        );
        expect(await hover('teams/onboarding.eos', 'GuidedSetup')).not.toContain('⚠');
    });

    it("shows each finding's fix once and its why once; the message is one line of fault and fix (regression: the message's fix was repeated, the why made rows long)", async () => {
        const flawed = await buildWorkspace(readEosFolder('examples/flawed'), { today: '2026-03-01' });
        let checked = 0;
        for (const [file, document] of flawed.documents) {
            for (const diagnostic of document.diagnostics ?? []) {
                if (diagnostic.code === 'syntax') continue;
                const result = await flawed.services.lsp.HoverProvider!.getHoverContent(document, {
                    textDocument: { uri: document.uri.toString() },
                    position: diagnostic.range.start
                });
                const text = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
                const fix = (diagnostic.data as { fix?: string }).fix!;
                const message = String(diagnostic.message);
                expect(message.endsWith(` — ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`) || message.endsWith(` — ${fix}`), `${file}: ${message}`).toBe(true);
                expect(message, `${file}: ${message}`).not.toContain('\n');
                const why = (CATALOGUE[diagnostic.code as DiagnosticCode] as CatalogueEntry).why!;
                expect(message, 'the why is left to the hover').not.toContain(why.replace(/\.$/, ''));
                if (!text.includes(`⚠ \`${String(diagnostic.code)}\``)) continue; // a finding on a reference: the hover shows the target
                expect(text.split(fix).length - 1, `${file}: ${text}`).toBe(1);
                expect(text).toContain(`**Fix:** ${fix}`);
                expect(text.split(why).length - 1, `${file}: ${text}`).toBe(1);
                expect(text).toContain(`**Why it matters:** ${why}`);
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(15);
    });
});

describe("hover on a bet's evidence", () => {
    it('names the latest evidence by date, as contradicted-bet does (regression: it took the last one written)', async () => {
        const workspace = await buildWorkspace({
            'a.eos': [
                'theme T "t"',
                'bet B "b" { serves T hypothesis "h"',
                '  evidence 2026-02-10 contradicts "churn rose"',
                '  evidence 2026-01-05 supports "pilot went well"',
                '}',
                'initiative I { bet B }'
            ].join('\n')
        });
        const document = workspace.documents.get('a.eos')!;
        const text = document.textDocument.getText();
        const result = await workspace.services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(text.indexOf('B "b"'))
        });
        const hoverText = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
        expect(hoverText).toContain('**Evidence (2):** latest 2026-02-10 contradicts: churn rose');
        expect(workspace.diagnostics('a.eos').map(d => d.code)).toContain('contradicted-bet');
    });
});

describe('hover on key results shows progress', () => {
    it('baseline, target, current and the share of the way covered', async () => {
        const text = await hover('teams/onboarding.eos', 'FirstValue');
        expect(text).toContain('**key result** `EarlyConfidence.FirstValue` — New customers reach first value within 7 days');
        expect(text).toContain('**Baseline:** 40%');
        expect(text).toContain('**Target:** 65%');
        expect(text).toContain('**Current:** 52%');
        expect(text).toContain('**Progress:** 48% of the way from 40% to 65%');
        expect(text).toContain('**Trace:** key result `EarlyConfidence.FirstValue` → OKR `EarlyConfidence` → bet `EarlyExperience`');
        expect(text).toContain('**Supported by (1):** `FasterSetup`');
    });

    it("the same hover on the qualified reference `Okr.Kr` and on the key result's numbers", async () => {
        expect(await hover('teams/platform.eos', 'FirstValue')).toContain('**Progress:** 48% of the way');
        expect(await hover('teams/onboarding.eos', '65%')).toContain('**Progress:** 48% of the way');
    });

    it('a falling target without a current reading', async () => {
        const text = await hover('teams/onboarding.eos', 'EarlyChurn');
        expect(text).toContain('**Current:** no reading yet');
        expect(text).toContain('**Progress:** no `current` reading yet (from 10% to 8%)');
    });

    it('an unmeasurable key result points to the fix', async () => {
        const text = await hover('teams/onboarding.eos', 'Friction');
        expect(text).toContain('**Progress:** not measurable yet');
        expect(text).toContain('⚠ `kr-not-measurable`');
        expect(text).toContain('**Fix:** Add `from <baseline> to <target>`');
    });
});

describe('hover is defensive', () => {
    it('returns nothing on whitespace, comments and punctuation', async () => {
        expect(await hover('strategy.eos', '/** Where')).toBe('');
        expect(await hover('strategy.eos', '{ wip 1 }')).toBe('');
        expect(await hover('strategy.eos', 'bet EarlyExperience "', { delta: 'bet EarlyExperience'.length })).toBe('');
    });

    it('never throws on a broken document', async () => {
        const broken = await buildStrategy({ 'a.eos': 'okr X "t" {\n  supports \n  kr K from 5 to\n}\nbet' });
        const document = broken.documents.get('a.eos')!;
        const text = document.textDocument.getText();
        for (let offset = 0; offset <= text.length; offset++) {
            const position = document.textDocument.positionAt(offset);
            // Rejecting would fail the test; every position must answer with a hover or nothing.
            await broken.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
        }
        const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.indexOf('K from')) };
        const result = await broken.services.lsp.HoverProvider!.getHoverContent(document, params);
        expect(JSON.stringify(result)).toContain('not measurable yet');
    });
});

describe('the glossary covers the grammar', () => {
    it('explains every word keyword of the language', async () => {
        const { AstUtils, GrammarAST } = await import('langium');
        const { ELEMENT_CONCEPTS, PROPERTY_CONCEPTS, VALUE_CONCEPTS } = await import('../../../src/language/documentation/glossary.js');
        const explained = new Set([
            ...Object.keys(ELEMENT_CONCEPTS),
            ...Object.keys(PROPERTY_CONCEPTS).map(key => key.split('.').pop()!),
            ...Object.values(VALUE_CONCEPTS).flatMap(group => Object.keys(group.values))
        ]);
        const words = AstUtils.streamAllContents(ws.services.Grammar)
            .filter(GrammarAST.isKeyword)
            .map(k => k.value)
            .filter(v => /^\p{L}/u.test(v))
            .toSet();
        expect([...words].filter(word => !explained.has(word))).toEqual([]);
    });
});
