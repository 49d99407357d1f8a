/** Hovers of aligned autonomy, on examples/acme: tenet use, value layers, what a team may decide. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import { buildWorkspace, readEosFolder, type TestWorkspace } from '../../helpers.js';
import { at } from './lsp-fixture.js';

let ws: TestWorkspace;
beforeAll(async () => {
    ws = await buildWorkspace(readEosFolder('examples/acme'), { today: '2026-03-01' });
});

async function hover(file: string, needle: string, delta = 0): Promise<string> {
    const params = at(ws, file, needle, { delta });
    const result: Hover | undefined = await ws.services.lsp.HoverProvider!.getHoverContent(params.document, params);
    return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

describe('autonomy hovers', () => {
    it('a tenet shows the decisions that follow it and set it aside, with the reason', async () => {
        const text = await hover('values.eos', 'tenet TestsEvenWhenUrgent', 6);
        expect(text).toContain('**Followed by (0):** none');
        expect(text).toContain('**Set aside by (1):** `SettlementRetryHotfix` (2026-02-03)');
        expect(text).toContain('`SettlementRetryHotfix`: 4% of transfers were failing; the tests follow within 48 hours');
        expect(await hover('values.eos', 'tenet ReliabilityOnCriticalPaths', 6)).toContain(
            '**Followed by (2):** `InstantLimitRaise` (2026-01-22), `SettlementRetryHotfix` (2026-02-03)'
        );
    });

    it('a value shows its layers, the practices under it and what applied it lately', async () => {
        const company = await hover('values.eos', 'value TrustOverGrowth', 6);
        expect(company).toContain('**Layers:** `TrustOverGrowth` (AcmeBank, company) (a company value)');
        expect(company).toContain('`BlamelessPostmortems`');
        expect(company).toContain('**Applied lately by:** `SwishRequestsLater` (2026-02-24)');
        const fn = await hover('values.eos', 'value ProductionIsSacred', 6);
        expect(fn).toContain('**Layers:** `TrustOverGrowth` (AcmeBank, company) → `ProductionIsSacred` (Engineering, function)');
    });

    it('a team shows what it may decide and what reaches it by escalation', async () => {
        const text = await hover('teams/engineering.eos', 'team PlatformTeam', 5);
        expect(text).toContain('**May decide (2):** `ApiDesign` (API design for team features), `IncidentChanges`');
        const engineering = await hover('teams/company.eos', 'team Engineering', 5);
        expect(engineering).toContain('**Decides when escalated:** `ApiDesign`, `IncidentChanges`');
        expect(engineering).toContain('`VendorContracts`');
    });

    it('decision rights list the teams that may decide; a need says where it is planned', async () => {
        const rights = await hover('decisions.eos', 'authority PaymentLimits', 10);
        expect(rights).toContain('**Decided by:** Payments (or a team above it)');
        expect(rights).toContain('**Teams that may decide (3):** `AcmeBank`, `RetailBanking`, `Payments`');
        const need = await hover('teams/payments.eos', 'initiative RequestToPay', 11);
        expect(need).toContain('**Needs** `PlatformTeam`: request payments settle on the real-time rail within 10 seconds — planned in `RealTimeRail`');
    });
});
