import { beforeEach, describe, expect, it } from 'vitest';
import { ResponseError, TextDocument, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TestWorkspace } from '../../helpers.js';
import { at, buildStrategy, documentOf, fileOf, FILES } from './lsp-fixture.js';

let ws: TestWorkspace;
beforeEach(async () => {
    ws = await buildStrategy();
});

async function rename(file: string, needle: string, newName: string, options: { nth?: number; delta?: number } = {}): Promise<WorkspaceEdit | undefined> {
    const params = at(ws, file, needle, options);
    return ws.services.lsp.RenameProvider!.rename(params.document, { ...params, newName });
}

/** Every file's text after applying the edit (files the edit does not touch are left out). */
function applied(edit: WorkspaceEdit | undefined): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const document = [...ws.documents.values()].find(doc => doc.uri.toString() === uri)!;
        result[fileOf(uri)] = TextDocument.applyEdits(TextDocument.create(uri, 'eos', 0, document.textDocument.getText()), edits as TextEdit[]);
    }
    return result;
}

/** The original text of a file with whole-word replacements, to compare with what rename produced. */
function replaced(file: keyof typeof FILES, ...pairs: Array<[RegExp, string]>): string {
    return pairs.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), FILES[file]);
}

describe('rename', () => {
    it('renames a bet at its declaration and every reference in every file, and nothing else', async () => {
        const edit = await rename('strategy.eos', 'EarlyExperience', 'EarlyDelight');
        expect(applied(edit)).toEqual({
            'strategy.eos': replaced('strategy.eos', [/\bEarlyExperience\b/g, 'EarlyDelight']),
            'teams/onboarding.eos': replaced('teams/onboarding.eos', [/\bEarlyExperience\b/g, 'EarlyDelight'])
        });
    });

    it('renames from a reference too, for every kind of element', async () => {
        const cases: Array<[keyof typeof FILES, string, number, string, RegExp]> = [
            ['strategy.eos', 'vision PrimaryBank', 8, 'North', /\bPrimaryBank\b/g],
            ['strategy.eos', 'serves Retention', 8, 'Loyalty', /\bRetention\b/g],
            ['teams/onboarding.eos', 'stream Onboarding', 8, 'Activation', /(?<=streams? )Onboarding\b/g],
            ['teams/onboarding.eos', 'owner OnboardingCrew', 7, 'SetupCrew', /\bOnboardingCrew\b/g],
            ['strategy.eos', 'upholds CustomerTrust', 9, 'Trust', /\bCustomerTrust\b/g],
            ['teams/onboarding.eos', 'GuidedSetup', 0, 'Wizard', /\bGuidedSetup\b/g],
            ['strategy.eos', 'ReliabilityFirst', 0, 'SafetyFirst', /\bReliabilityFirst\b/g],
            ['teams/onboarding.eos', 'PostmortemsIn24h', 0, 'FastPostmortems', /\bPostmortemsIn24h\b/g]
        ];
        for (const [file, needle, delta, newName, pattern] of cases) {
            const result = applied(await rename(file, needle, newName, { delta }));
            for (const name of Object.keys(FILES) as Array<keyof typeof FILES>) {
                const expected = replaced(name, [pattern, newName]);
                if (expected === FILES[name]) expect(result[name], `${needle}: ${name} untouched`).toBeUndefined();
                else expect(result[name], `${needle} → ${newName} in ${name}`).toBe(expected);
            }
        }
    });

    it('renaming a key result changes only the key-result part of `Okr.Kr`', async () => {
        const edit = await rename('teams/onboarding.eos', 'FirstValue', 'TimeToValue');
        expect(applied(edit)).toEqual({
            'teams/onboarding.eos': replaced('teams/onboarding.eos', [/kr FirstValue/, 'kr TimeToValue']),
            'teams/platform.eos': replaced('teams/platform.eos', [/EarlyConfidence\.FirstValue/, 'EarlyConfidence.TimeToValue'])
        });
    });

    it('renaming an OKR (from the `Okr` part of `Okr.Kr`) updates its references and the prefixes', async () => {
        const edit = await rename('teams/platform.eos', 'EarlyConfidence.FirstValue', 'EarlyTrust', { delta: 2 });
        expect(applied(edit)).toEqual({
            'teams/onboarding.eos': replaced('teams/onboarding.eos', [/\bEarlyConfidence\b/g, 'EarlyTrust']),
            'teams/platform.eos': replaced('teams/platform.eos', [/\bEarlyConfidence\b/g, 'EarlyTrust'])
        });
    });

    it('keeps comments and odd spacing around a qualified reference', async () => {
        ws = await buildStrategy({ ...FILES, 'teams/platform.eos': FILES['teams/platform.eos'].replace('EarlyConfidence.FirstValue,', 'EarlyConfidence . /* why */ FirstValue,') });
        const result = applied(await rename('teams/onboarding.eos', 'FirstValue', 'TimeToValue'));
        expect(result['teams/platform.eos']).toContain('supports EarlyConfidence . /* why */ TimeToValue, EarlyConfidence');
    });
});

describe('rename refuses what would change the meaning', () => {
    async function refusal(file: string, needle: string, newName: string, options: { nth?: number; delta?: number } = {}): Promise<string> {
        try {
            await rename(file, needle, newName, options);
        } catch (error) {
            expect(error).toBeInstanceOf(ResponseError);
            return (error as ResponseError<unknown>).message;
        }
        return 'accepted';
    }

    it('names that are not identifiers or are keywords', async () => {
        expect(await refusal('strategy.eos', 'EarlyExperience', 'Early Experience')).toBe(
            "'Early Experience' is not a valid name: a name starts with a letter or '_' and continues with letters, digits or '_' (no spaces, dots or dashes)."
        );
        expect(await refusal('strategy.eos', 'EarlyExperience', 'early-experience')).toMatch(/is not a valid name/);
        expect(await refusal('strategy.eos', 'EarlyExperience', '2026Bet')).toMatch(/is not a valid name/);
        expect(await refusal('strategy.eos', 'EarlyExperience', 'Okr.Kr')).toMatch(/is not a valid name/);
        expect(await refusal('strategy.eos', 'EarlyExperience', '')).toMatch(/is not a valid name/);
        expect(await refusal('strategy.eos', 'EarlyExperience', 'supports')).toBe("'supports' is an EOS keyword and cannot be used as a name.");
        expect(await refusal('strategy.eos', 'EarlyExperience', 'bet')).toBe("'bet' is an EOS keyword and cannot be used as a name.");
    });

    it('a name another element of the same kind has', async () => {
        expect(await refusal('strategy.eos', 'CoreProduct', 'Support')).toBe(
            "A value stream named 'Support' already exists (strategy.eos:11). Names are unique per kind; choose another name."
        );
        expect(await refusal('teams/onboarding.eos', 'EarlyChurn', 'FirstValue')).toBe(
            "Objective 'EarlyConfidence' already has a key result named 'FirstValue' (onboarding.eos:24)."
        );
    });

    it('a name that would make `supports` ambiguous', async () => {
        expect(await refusal('strategy.eos', 'EarlyExperience', 'Retention')).toBe(
            "A strategic theme is already named 'Retention' (strategy.eos:4); `supports Retention` could then mean either. Choose another name."
        );
    });

    it('accepts a name another kind uses where references cannot mix them up', async () => {
        // A team and a stream may share a name: `owner` only looks for teams, `stream` only for streams.
        expect(await refusal('teams/onboarding.eos', 'Growth', 'Onboarding')).toBe('accepted');
        // Key results of different OKRs may share a short name.
        expect(await refusal('teams/platform.eos', 'SetupErrors', 'FirstValue')).toBe('accepted');
    });

    it('does nothing on keywords, unresolved names and broken text, and explains unresolved names', async () => {
        const broken = await buildStrategy({ 'a.eos': 'initiative X { bet Nowhere stream }\nokr O { supports' });
        const document = documentOf(broken, 'a.eos');
        const provider = broken.services.lsp.RenameProvider!;
        const text = document.textDocument.getText();
        const textDocument = { uri: document.uri.toString() };
        for (let offset = 0; offset <= text.length; offset++) {
            const position = document.textDocument.positionAt(offset);
            await provider.rename(document, { textDocument, position, newName: 'Y' });
            try {
                await provider.prepareRename(document, { textDocument, position });
            } catch (error) {
                expect(error).toBeInstanceOf(ResponseError);
            }
        }
        const keyword = { textDocument, position: document.textDocument.positionAt(text.indexOf('bet')) };
        expect(await provider.prepareRename(document, keyword)).toBeUndefined();
        expect(await provider.rename(document, { ...keyword, newName: 'Y' })).toBeUndefined();
        const unresolved = { textDocument, position: document.textDocument.positionAt(text.indexOf('Nowhere') + 1) };
        await expect(async () => provider.prepareRename(document, unresolved)).rejects.toThrow(
            "Nothing is named 'Nowhere', so there is nothing to rename. Fix the name or create the element first."
        );
    });

    it('prepareRename selects just the part of `Okr.Kr` under the cursor', async () => {
        const provider = ws.services.lsp.RenameProvider!;
        const member = at(ws, 'teams/platform.eos', 'EarlyConfidence.FirstValue', { delta: 20 });
        const container = at(ws, 'teams/platform.eos', 'EarlyConfidence.FirstValue', { delta: 4 });
        const text = (params: typeof member) => {
            const range = provider.prepareRename(params.document, params) as { start: never; end: never };
            return params.document.textDocument.getText(range);
        };
        expect(text(member)).toBe('FirstValue');
        expect(text(container)).toBe('EarlyConfidence');
    });
});

describe('rename with combining marks (names as the grammar reads them)', () => {
    const KE = 'Ke\u0301'; // `Ké` written as e + U+0301 COMBINING ACUTE ACCENT
    const CAFE = 'Cafe\u0301';
    const files = { 'a.eos': `okr O "o" { kr ${KE} "k" from 1 to 2 }\nokr P "p" { supports O.${KE} kr Q "q" from 1 to 2 }\n` };

    async function renameIn(needle: string, newName: string, delta = 0): Promise<string> {
        const workspace = await buildStrategy(files);
        const params = at(workspace, 'a.eos', needle, { delta });
        const edit = await workspace.services.lsp.RenameProvider!.rename(params.document, { ...params, newName });
        const document = documentOf(workspace, 'a.eos');
        return TextDocument.applyEdits(TextDocument.create('x', 'eos', 0, document.textDocument.getText()), (edit?.changes?.[document.uri.toString()] ?? []) as TextEdit[]);
    }

    it('renaming key result Ké to Z changes the whole name in `O.Ké` (regression: the accent was left, giving `O.Ź`)', async () => {
        expect(await renameIn(`kr ${KE}`, 'Z', 3)).toBe('okr O "o" { kr Z "k" from 1 to 2 }\nokr P "p" { supports O.Z kr Q "q" from 1 to 2 }\n');
        expect(await renameIn(`O.${KE}`, 'Z', 2)).toBe('okr O "o" { kr Z "k" from 1 to 2 }\nokr P "p" { supports O.Z kr Q "q" from 1 to 2 }\n');
    });

    it('accepts a decomposed name such as Café (regression: it was refused as not a name)', async () => {
        expect(await renameIn('okr O', CAFE, 4)).toBe(`okr ${CAFE} "o" { kr ${KE} "k" from 1 to 2 }\nokr P "p" { supports ${CAFE}.${KE} kr Q "q" from 1 to 2 }\n`);
        const workspace = await buildStrategy({ 'a.eos': `bet ${CAFE} "c"\ntheme T "t"\nbet B "b" { serves T }` });
        expect(workspace.diagnostics('a.eos').filter(d => d.code === 'syntax')).toEqual([]);
    });

    it('still refuses a name that starts with a combining mark', async () => {
        await expect(renameIn('okr O', '\u0301O', 4)).rejects.toThrow(/is not a valid name/);
    });
});
