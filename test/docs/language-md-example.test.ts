import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, describeDiagnostic } from '../helpers.js';

const strategy = fs.readFileSync('examples/language-md/strategy.eos', 'utf8');
const onboarding = fs.readFileSync('examples/language-md/teams/onboarding.eos', 'utf8');

describe('the LANGUAGE.md example', () => {
    // LANGUAGE.md names three findings; `doing-without-date` (issue 12) came later and holds for
    // ReferralProgram, a doing card with no date.
    it('parses without error and reports exactly the three intended findings, and doing-without-date', async () => {
        const ws = await buildWorkspace({ 'strategy.eos': strategy, 'teams/onboarding.eos': onboarding }, { today: '2026-03-01' });
        expect(ws.diagnostics('strategy.eos')).toEqual([]);
        expect(ws.diagnostics('teams/onboarding.eos').map(describeDiagnostic).sort()).toEqual([
            'doing-without-date@15:11-15:26',
            'kr-not-measurable@26:5-26:13',
            'orphan-initiative@15:11-15:26',
            'stalled-initiative@4:11-4:22'
        ]);
    });
});
