/**
 * Crashes the fuzzer found, kept as regression inputs: one JSON file per shrunk failure under
 * test/fuzz/regressions/, replayed by regressions.test.ts on every `npm test`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Failure, Target } from './campaign.js';

export const REGRESSIONS_FOLDER = path.resolve(process.cwd(), 'test/fuzz/regressions');

export interface Regression {
    target: Target;
    /** What went wrong when it was found, and what was fixed (edited by hand after the fix). */
    found: string;
    workspace: string;
    file: string;
    text: string;
    bytesBase64?: string;
}

/** Writes the failure as a regression file (named by content, so re-finding it does not duplicate it). */
export function saveRegression(failure: Failure): string {
    const regression: Regression = {
        target: failure.target,
        found: failure.problems.map(p => `${p.request}: ${p.detail.split('\n')[0]}`).join('; '),
        workspace: failure.workspace,
        file: failure.file,
        text: failure.text,
        ...(failure.bytesBase64 ? { bytesBase64: failure.bytesBase64 } : {})
    };
    const hash = createHash('sha256')
        .update(failure.bytesBase64 ?? failure.text)
        .digest('hex')
        .slice(0, 12);
    fs.mkdirSync(REGRESSIONS_FOLDER, { recursive: true });
    const file = path.join(REGRESSIONS_FOLDER, `${failure.target}-${hash}.json`);
    fs.writeFileSync(file, JSON.stringify(regression, null, 2) + '\n');
    return path.relative(process.cwd(), file);
}

export function loadRegressions(): Array<{ name: string; regression: Regression }> {
    if (!fs.existsSync(REGRESSIONS_FOLDER)) return [];
    return fs
        .readdirSync(REGRESSIONS_FOLDER)
        .filter(f => f.endsWith('.json'))
        .sort()
        .map(name => ({ name, regression: JSON.parse(fs.readFileSync(path.join(REGRESSIONS_FOLDER, name), 'utf8')) as Regression }));
}
