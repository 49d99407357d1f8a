/**
 * Completion that never fights typing: what the list holds (or that it stays closed) at the places
 * a strategist types, as VS Code asks for it — by a typed character, a trigger character, or Ctrl+Space.
 */
import { CompletionItemKind, CompletionTriggerKind, type CompletionContext, type CompletionItem } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { likelyPeriods } from '../../../src/language/editing/element-templates.js';
import { previewOf, type EosCompletionProvider } from '../../../src/language/lsp/eos-completion-provider.js';
import { buildWorkspace } from '../../helpers.js';

const strategy = `
vision PrimaryBank "Become the primary digital banking provider"
theme Retention "Increase retention" { vision PrimaryBank }
stream Onboarding "Customer Onboarding" { wip 2 }
bet EarlyExperience "Improve early customer experience" { serves Retention }
team Growth "Growth division" { level division }
team Crew "Onboarding crew" { level crew parent Growth }
team Pod "A pod" { level pod parent Crew }
okr Confidence "Early confidence" {
  supports EarlyExperience
  kr FirstValue "First value" from 40% to 65%
}
okr Follower "Follows confidence" {
  supports Confidence.FirstValue
}
`;

const SPACE: CompletionContext = { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' };
const INVOKED: CompletionContext = { triggerKind: CompletionTriggerKind.Invoked };

/** Completion items at the `<||>` marker of a file beside the strategy above. */
async function completeAt(file: string, text: string, context: CompletionContext = INVOKED, options: { today?: string; vscode?: boolean } = {}): Promise<CompletionItem[]> {
    const ws = await buildWorkspace({ 'strategy.eos': strategy, [file]: text }, options.today ? { today: options.today } : {});
    const provider = ws.services.lsp.CompletionProvider as EosCompletionProvider;
    if (options.vscode)
        provider.initialize({
            processId: null,
            rootUri: null,
            capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
            clientInfo: { name: 'Visual Studio Code' }
        });
    const document = ws.documents.get(file)!;
    const position = ws.markers.get(file)![0].start;
    const list = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position, context });
    return list?.items ?? [];
}

const labels = (items: CompletionItem[]) => items.map(i => i.label).sort();
const insertedText = (item: CompletionItem) => (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.insertText) ?? '';

describe('completion while typing', () => {
    it('offers nothing right after a finished value: `current 52%`, a number, a title, a period', async () => {
        expect(await completeAt('t.eos', 'okr O "o" {\n  kr K "k" from 40% to 65% current 52%<||>\n}\n')).toEqual([]);
        expect(await completeAt('t.eos', 'okr O "o" {\n  kr K "k" from 40% to 65% current 52<||>\n}\n')).toEqual([]);
        expect(await completeAt('t.eos', 'okr O "o" {\n  kr K "k"<||>\n}\n')).toEqual([]);
        expect(await completeAt('t.eos', 'okr O "o" {\n  period 2027-Q1<||>\n}\n')).toEqual([]);
        expect(await completeAt('t.eos', 'initiative I "i" {\n  updated 2026-12-04<||>\n}\n')).toEqual([]);
    });

    it('a typed space opens no list after a finished value (Enter then cannot insert `kr`)', async () => {
        expect(await completeAt('t.eos', 'okr O "o" {\n  kr K "k" from 40% to 65% current 52% <||>\n}\n', SPACE)).toEqual([]);
        expect(await completeAt('t.eos', 'okr O "o" {\n  owner Crew <||>\n}\n', SPACE)).toEqual([]);
        expect(await completeAt('t.eos', 'okr O "o" <||>\n', SPACE)).toEqual([]);
    });

    it('a typed space opens the list where a name is expected: `supports `, `bet `, `parent `, `owner `', async () => {
        expect(labels(await completeAt('t.eos', 'okr O "o" {\n  supports <||>\n}\n', SPACE))).toEqual([
            'Confidence',
            'Confidence.FirstValue',
            'EarlyExperience',
            'Follower',
            'Retention'
        ]);
        expect(labels(await completeAt('t.eos', 'initiative I "i" {\n  bet <||>\n}\n', SPACE))).toEqual(['EarlyExperience']);
        expect(labels(await completeAt('t.eos', 'team T "t" {\n  parent <||>\n}\n', SPACE))).toEqual(['Crew', 'Growth', 'Pod']);
        expect(labels(await completeAt('t.eos', 'okr O "o" {\n  owner <||>\n}\n', SPACE))).toEqual(['Crew', 'Growth', 'Pod']);
    });

    it("a typed space after `status ` and `level ` lists the values in the method's order, each explained", async () => {
        const status = await completeAt('t.eos', 'initiative I "i" {\n  status <||>\n}\n', SPACE);
        const ordered = [...status].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(i => i.label);
        expect(ordered).toEqual(['funnel', 'reviewing', 'analyzing', 'ready', 'doing', 'done', 'stopped']);
        expect(status.find(i => i.label === 'doing')?.labelDetails?.description).toMatch(/WIP limit/);
        const level = await completeAt('t.eos', 'team T "t" { level <||> }\n', SPACE);
        expect([...level].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(i => i.label)).toEqual([
            'company',
            'division',
            'function',
            'stream',
            'crew',
            'pod',
            'team'
        ]);
        expect(level.find(i => i.label === 'crew')?.labelDetails?.description).toBe('a group of pods; OKRs that turn outcomes into testable hypotheses');
        expect(level.every(i => i.kind === CompletionItemKind.EnumMember)).toBe(true);
    });

    it('a keyword that a name follows inserts its space and, in VS Code, reopens the list', async () => {
        const items = await completeAt('t.eos', 'okr O "o" {\n  sup<||>\n}\n', INVOKED, { vscode: true });
        const supports = items.find(i => i.label === 'supports')!;
        expect(insertedText(supports)).toBe('supports ');
        expect(supports.command?.command).toBe('editor.action.triggerSuggest');
        // A keyword that a quoted text follows inserts just itself.
        const hypothesis = (await completeAt('t.eos', 'bet B "b" {\n  hyp<||>\n}\n', INVOKED, { vscode: true })).find(i => i.label === 'hypothesis')!;
        expect(insertedText(hypothesis)).toBe('hypothesis');
        expect(hypothesis.command).toBeUndefined();
        // Other editors do not know VS Code's command: the space only.
        const plain = (await completeAt('t.eos', 'okr O "o" {\n  sup<||>\n}\n')).find(i => i.label === 'supports')!;
        expect(insertedText(plain)).toBe('supports ');
        expect(plain.command).toBeUndefined();
    });

    it("proposes no value word where a new element's name is typed", async () => {
        expect(await completeAt('t.eos', 'okr do<||>\n')).toEqual([]);
        expect(await completeAt('t.eos', 'team cr<||>\n')).toEqual([]);
    });

    it('offers no top-level template inside a block, only what the block takes', async () => {
        const team = await completeAt('t.eos', 'team T "t" {\n  level crew\n  <||>\n}\n');
        expect(labels(team)).toEqual(['description', 'level', 'parent']);
        const okr = await completeAt('t.eos', 'okr O "o" {\n  kr K "k" from 1 to 2\n  <||>\n}\n');
        // `current`, `by`, `description` and check-ins may still follow the key result on the next line.
        expect(labels(okr)).toEqual(['by', 'checkin', 'current', 'description', 'kr', 'needs', 'owner', 'period', 'supports']);
        // `kr` is the key result's template here, once.
        expect(okr.find(i => i.label === 'kr')?.kind).toBe(CompletionItemKind.Snippet);
        const bet = await completeAt('t.eos', 'bet B "b" {\n  <||>\n}\n');
        expect(bet.find(i => i.label === 'evidence')?.kind).toBe(CompletionItemKind.Snippet);
        expect(labels(bet)).not.toContain('okr');
    });

    it("offers nothing in an OKR's `supports` that would make it support itself", async () => {
        const own = labels(await completeAt('t.eos', 'okr Mine "m" {\n  kr Own "own" from 1 to 2\n  supports <||>\n}\n', SPACE));
        expect(own).not.toContain('Mine');
        expect(own).not.toContain('Mine.Own');
        expect(own).toContain('EarlyExperience');
        // Follower supports Confidence through its key result: Confidence naming Follower would close a loop.
        const confidence = await completeInStrategy(strategy.replace('  supports EarlyExperience\n', '  supports EarlyExperience, <||>\n'));
        expect(confidence).not.toContain('Follower');
        expect(confidence).not.toContain('Confidence.FirstValue');
        expect(confidence).not.toContain('Confidence');
        expect(confidence).toContain('Retention');
        // A team cannot sit under itself or a team inside it.
        const growth = await completeInStrategy(
            strategy.replace('team Growth "Growth division" { level division }', 'team Growth "Growth division" { level division parent <||> }')
        );
        expect(growth).toEqual([]);
        const pod = await completeInStrategy(strategy.replace('team Pod "A pod" { level pod parent Crew }', 'team Pod "A pod" { level pod parent <||> }'));
        expect(pod).toEqual(['Crew', 'Growth']);
    });

    it('templates take the period from today, a parent for teams, and explain levels and statuses', async () => {
        expect(likelyPeriods('2026-12-04')).toEqual(['2027-Q1', '2026-Q4']);
        expect(likelyPeriods('2026-11-30')).toEqual(['2026-Q4', '2027-Q1']);
        expect(likelyPeriods('2026-01-10')).toEqual(['2026-Q1', '2026-Q2']);
        const items = await completeAt('t.eos', '<||>', INVOKED, { today: '2026-12-04' });
        const okr = items.find(i => i.label === 'okr')!;
        expect(insertedText(okr)).toContain('period ${4:2027-Q1}');
        const team = items.find(i => i.label === 'team')!;
        expect(insertedText(team)).toContain('parent ${4:Team}');
        expect(insertedText(team)).toContain('level ${3|company,division,function,stream,crew,pod,team|}');
        const doc = typeof team.documentation === 'object' ? team.documentation.value : '';
        expect(doc).toContain('`crew` — a group of pods');
        const initiative = items.find(i => i.label === 'initiative')!;
        expect(typeof initiative.documentation === 'object' ? initiative.documentation.value : '').toContain('`doing` — in progress');
        const theme = items.find(i => i.label === 'theme')!;
        expect(insertedText(theme)).toContain('horizon ${4:2026}');
    });

    it('shows each template as the text it inserts', () => {
        expect(previewOf('team ${1:Name} "${2:Title}" {\n  level ${3|company,division|}\n  parent ${4|A\\,B,C|}\n}')).toBe('team Name "Title" {\n  level company\n  parent A,B\n}');
    });
});

/** Names offered at the `<||>` marker of the strategy itself, after a typed space or comma. */
async function completeInStrategy(source: string): Promise<string[]> {
    const ws = await buildWorkspace({ 'strategy.eos': source });
    const document = ws.documents.get('strategy.eos')!;
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position: ws.markers.get('strategy.eos')![0].start,
        context: SPACE
    });
    return labels(list?.items ?? []);
}
