/** The values framework and the decision-rights matrix: model → picture model → SVG. */
import { describe, expect, it } from 'vitest';
import { renderFrameworkSvg, renderMatrixSvg } from '../../src/diagram/autonomy-svg.js';
import { buildDecisionMatrix } from '../../src/diagram/decision-matrix.js';
import { buildFramework } from '../../src/diagram/framework.js';
import { buildWorkspace } from '../helpers.js';
import { readExample } from './diagram-fixtures.js';

async function modelOf(files: Record<string, string>) {
    const ws = await buildWorkspace(files, { today: '2026-03-01' });
    return ws.services.eos.StrategyWorkspace.model;
}

describe('values framework', () => {
    it("puts acme's values in layers, practices under them, tenets and decisions beside, nothing broken", async () => {
        const framework = buildFramework(await modelOf(readExample('examples/acme')));
        expect(framework.company.map(c => c.name)).toEqual(['TrustOverGrowth', 'ClarityOverConsensus', 'PlatformLeverage', 'DefaultToTransparency']);
        expect(framework.interpretations.map(c => c.name).sort()).toEqual(['BeginnersFirst', 'DecisionsInWriting', 'PlatformsNotForks', 'ProductionIsSacred']);
        expect(framework.practices).toHaveLength(5);
        expect(framework.tenets).toHaveLength(7);
        expect(framework.decisions[0].name).toBe('SwishRequestsLater'); // latest first
        expect(framework.broken).toBe(0);
        expect(framework.links).toContainEqual({ from: 'decision:SettlementRetryHotfix', to: 'tenet:TestsEvenWhenUrgent', kind: 'sets-aside' });
    });

    it('marks a broken chain and the practice on it, and draws them dashed red', async () => {
        const framework = buildFramework(
            await modelOf({
                'a.eos':
                    'team Co { level company }\nteam Fn { level function parent Co }\nvalue Speed "Speed" { owner Fn }\npractice Standup "Stand-ups" { embodies Speed owner Fn }'
            })
        );
        expect(framework.interpretations.map(c => [c.name, c.state])).toEqual([['Speed', 'broken']]);
        expect(framework.practices.map(c => [c.name, c.state])).toEqual([['Standup', 'broken']]);
        const svg = renderFrameworkSvg(framework);
        expect(svg).toContain('class="card kind-value broken" data-id="value:Speed"');
        expect(svg).toContain('2 broken chains');
    });

    it('escapes hostile titles', async () => {
        const svg = renderFrameworkSvg(buildFramework(await modelOf({ 'a.eos': 'value V "<script>alert(1)</script>"' })));
        expect(svg).not.toContain('<script>');
        expect(svg).toContain('&lt;script&gt;');
    });
});

describe('decision-rights matrix', () => {
    it('says per type and team who may decide, where escalations go and how many decisions each took', async () => {
        const matrix = buildDecisionMatrix(await modelOf(readExample('examples/acme')));
        const type = matrix.types.findIndex(t => t.name === 'PaymentLimits');
        const team = (name: string) => matrix.teams.findIndex(t => t.name === name);
        expect(matrix.cells[type][team('Payments')]).toEqual({ decides: 'yes', escalation: false, decisions: 1 });
        expect(matrix.cells[type][team('RetailBanking')]).toEqual({ decides: 'yes', escalation: true, decisions: 0 });
        expect(matrix.cells[type][team('TransfersCrew')]).toEqual({ decides: 'no', escalation: false, decisions: 0 });
        expect(matrix.teams[0].name).toBe('AcmeBank'); // broad to narrow
        const svg = renderMatrixSvg(matrix);
        expect(svg.match(/<g class="card kind-authority"/g)).toHaveLength(5);
    });

    it('says what to write when there are no decision rights', async () => {
        expect(renderMatrixSvg(buildDecisionMatrix(await modelOf({ 'a.eos': 'team T' })))).toContain('No decision rights yet');
    });
});
