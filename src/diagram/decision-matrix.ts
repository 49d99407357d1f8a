/**
 * The decision-rights matrix: decision types (authority) × teams. A cell says whether the team may
 * take that type of decision on its own, whether decisions of that type go to it when they
 * escalate, and how many decision records it owns of that type. Pure; drawn by autonomy-svg.ts.
 */
import { deciderText, mayDecide, teamAndAncestors } from '../language/model/autonomy.js';
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import type { Range } from 'vscode-languageserver-types';
import { levelRank } from '../language/model/vocabulary.js';

export interface MatrixHeader {
    id: string;
    name: string;
    title?: string;
    /** For a team its level; for a type who decides and the escalation rule. */
    detail: string;
    uri: string;
    nameRange: Range;
}

export interface MatrixCell {
    /** The team may take this type of decision on its own (`unknown`: its level is not written). */
    decides: 'yes' | 'no' | 'unknown';
    /** Decisions of this type go to this team when the trigger applies. */
    escalation: boolean;
    /** Decision records of this type the team owns. */
    decisions: number;
}

export interface DecisionMatrix {
    types: MatrixHeader[];
    teams: MatrixHeader[];
    /** `cells[type][team]`, in the orders above. */
    cells: MatrixCell[][];
}

export function buildDecisionMatrix(model: WorkspaceModel): DecisionMatrix {
    const header = (element: ReturnType<WorkspaceModel['ofKind']>[number], detail: string): MatrixHeader => ({
        id: `${element.kind}:${element.name}`,
        name: element.name,
        ...(element.title ? { title: element.title } : {}),
        detail,
        uri: element.uri,
        nameRange: element.nameRange
    });
    const authorities = model.ofKind('authority');
    // Teams broad to narrow, then as the organisation nests them; teams without a level last.
    const rank = (level: string | undefined) => levelRank(level) ?? 99;
    const teams = model
        .ofKind('team')
        .map((team, index) => ({ team, index, depth: teamAndAncestors(model, team).length }))
        .sort((a, b) => rank(a.team.level) - rank(b.team.level) || a.depth - b.depth || a.index - b.index)
        .map(entry => entry.team);
    const cells = authorities.map(authority =>
        teams.map(team => ({
            decides: mayDecide(model, authority, team),
            escalation: model.target(authority, 'escalateTo') === team,
            decisions: model.incoming(authority, 'type').filter(entry => entry.source.kind === 'decision' && model.target(entry.source, 'owner') === team).length
        }))
    );
    return {
        types: authorities.map(authority => {
            const to = model.target(authority, 'escalateTo');
            return header(authority, `${deciderText(model, authority)}${authority.trigger ? ` · escalate when ${authority.trigger}${to ? ` → ${to.name}` : ''}` : ''}`);
        }),
        teams: teams.map(team => header(team, team.level ?? 'no level')),
        cells
    };
}
