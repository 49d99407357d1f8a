/**
 * Table-driven rule tests: each case is a small workspace whose `<|…|>` markers are exactly where
 * the code under test must be reported (in every file); a near-miss case has no markers and must
 * not produce the code at all.
 */
import { expect } from 'vitest';
import type { DiagnosticCode } from '../../../../src/language/validation/codes.js';
import { buildWorkspace } from '../../../helpers.js';

export interface RuleCase {
    name: string;
    files: Record<string, string>;
    today?: string;
}

export async function expectCodeAtMarkers(code: DiagnosticCode, testCase: RuleCase): Promise<void> {
    const ws = await buildWorkspace(testCase.files, testCase.today ? { today: testCase.today } : {});
    for (const file of Object.keys(testCase.files)) {
        const actual = ws
            .diagnostics(file)
            .filter(d => d.code === code)
            .map(d => d.range)
            .sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
        expect(actual, `${code} in ${file}`).toEqual(ws.markers.get(file));
    }
}

export async function messagesOf(code: DiagnosticCode, files: Record<string, string>, today?: string): Promise<string[]> {
    const ws = await buildWorkspace(files, today ? { today } : {});
    return ws
        .all()
        .filter(d => d.code === code)
        .map(d => String(d.message));
}
