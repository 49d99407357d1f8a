/**
 * Diagram results for tests and screenshots: example folders loaded with the real services and
 * run through the server's request handler, plus a seeded synthetic strategy of any size.
 */
import * as path from 'node:path';
import { buildWorkspace, readEosFolder, type TestWorkspace } from '../helpers.js';
import { diagramFor } from '../../src/server/diagram-handler.js';
import type { DiagramParams, DiagramResult } from '../../src/shared/protocol.js';
import { buildDiagramGraph, type DiagramGraph } from '../../src/diagram/graph.js';
import { diagramSourceOf } from '../../src/diagram/render-diagram.js';

export const ROOT = path.resolve(__dirname, '../..');

/** Every `.eos` file under a folder of the repository, by path relative to it. */
export const readExample = readEosFolder;

export async function diagramOf(
    files: Record<string, string>,
    params: Partial<DiagramParams> = {},
    today = '2026-03-01'
): Promise<{ result: DiagramResult; workspace: TestWorkspace }> {
    const workspace = await buildWorkspace(files, { today });
    const result = await diagramFor(workspace.services, { uri: '', ...params });
    return { result, workspace };
}

/** The Lean Value Tree graph of these files, before any filter or folding. */
export async function graphOf(files: Record<string, string>): Promise<DiagramGraph> {
    const workspace = await buildWorkspace(files);
    const source = diagramSourceOf(workspace.services.eos.StrategyWorkspace);
    return buildDiagramGraph(source.model, source.issues, source.severityOf, source.clock);
}

/**
 * A strategy with about `nodes` tree nodes: themes × bets × initiatives and OKRs, long titles,
 * a few orphans. Deterministic (no randomness) so screenshots and timings compare across runs.
 */
export function syntheticStrategy(nodes: number): Record<string, string> {
    const lines = ['vision North "Be the bank people open first thing every morning, on every device they own"'];
    const streams = ['Onboarding', 'Payments', 'Lending', 'Support'];
    lines.push(...streams.map((s, i) => `stream ${s} "${s} stream" { wip ${2 + i} }`));
    lines.push('team Crew "A crew" { level crew }');
    const statuses = ['funnel', 'analyzing', 'ready', 'doing', 'doing', 'done', 'stopped'];
    let count = 1;
    const themes = Math.max(1, Math.round(Math.sqrt(nodes / 12)));
    const betsPerTheme = 3;
    const perBet = Math.max(1, Math.floor((nodes - 1 - themes * (1 + betsPerTheme)) / (themes * betsPerTheme)));
    for (let t = 0; t < themes && count < nodes; t++) {
        lines.push(`theme T${t} "Theme ${t}: grow retention in the first ninety days of every customer relationship" { vision North }`);
        count++;
        for (let b = 0; b < betsPerTheme && count < nodes; b++) {
            const bet = `B${t}_${b}`;
            lines.push(`bet ${bet} "Bet ${t}.${b}: if we remove friction here, customers stay" { serves T${t} hypothesis "h" streams ${streams[b % 4]}, ${streams[(b + 1) % 4]} }`);
            count++;
            for (let i = 0; i < perBet && count < nodes; i++) {
                if (i % 4 === 3) {
                    lines.push(
                        `okr O${t}_${b}_${i} "Objective ${i} for bet ${bet}" { owner Crew period 2026-Q1 supports ${bet} kr K1 "Key result one" from 10% to 50% current ${10 + ((i * 7) % 40)}% }`
                    );
                } else {
                    lines.push(
                        `initiative I${t}_${b}_${i} "Initiative ${i} of ${bet} with a deliberately long title that must wrap or be truncated" { bet ${bet} stream ${streams[(b + i) % 4]} owner Crew status ${statuses[(i + b) % statuses.length]} updated 2026-02-20 }`
                    );
                }
                count++;
            }
        }
    }
    lines.push('initiative Orphan "An initiative that serves no bet" { stream Support status doing }');
    return { 'strategy.eos': lines.join('\n') + '\n' };
}
