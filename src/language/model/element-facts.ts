/**
 * The live facts a strategist checks on a bet, a theme or a value stream: what funds it, what
 * aligns to it, what runs through it. The hover lists them and the code lens counts them; both
 * ask these functions, so the two never disagree on the same element.
 */
import type { EvidenceEntry, LinkRelation, StrategyElement } from './elements.js';
import { latestEvidence } from './evidence.js';
import type { ElementKind } from './vocabulary.js';
import { WIP_STATUS } from './wip.js';
import type { WorkspaceModel } from './workspace-model.js';

export interface BetFacts {
    /** The initiatives that test it (`bet <Name>`). */
    initiatives: StrategyElement[];
    /** The OKRs that support it. */
    okrs: StrategyElement[];
    evidence: readonly EvidenceEntry[];
    /** The latest evidence by date, as `contradicted-bet` reads it. */
    latestEvidence: EvidenceEntry | undefined;
}

export interface ThemeFacts {
    /** The bets that serve it. */
    bets: StrategyElement[];
    /** The OKRs that support it. */
    okrs: StrategyElement[];
}

export interface StreamFacts {
    /** The initiatives that run in it. */
    initiatives: StrategyElement[];
    /** Those that count against its WIP limit. */
    doing: StrategyElement[];
    /** Its WIP limit; undefined when none is set. */
    wip: number | undefined;
    /** More doing work than the limit allows. */
    overLimit: boolean;
    /** The bets that span it (`streams <Name>`). */
    bets: StrategyElement[];
}

export function betFacts(model: WorkspaceModel, bet: StrategyElement): BetFacts {
    const evidence = bet.evidence ?? [];
    return {
        initiatives: sources(model, bet, 'bet', 'initiative'),
        okrs: sources(model, bet, 'supports', 'okr'),
        evidence,
        latestEvidence: latestEvidence(evidence)
    };
}

export function themeFacts(model: WorkspaceModel, theme: StrategyElement): ThemeFacts {
    return { bets: sources(model, theme, 'serves', 'bet'), okrs: sources(model, theme, 'supports', 'okr') };
}

export function streamFacts(model: WorkspaceModel, stream: StrategyElement): StreamFacts {
    const initiatives = sources(model, stream, 'stream', 'initiative');
    const doing = initiatives.filter(initiative => initiative.status === WIP_STATUS);
    return {
        initiatives,
        doing,
        wip: stream.wip,
        overLimit: stream.wip !== undefined && doing.length > stream.wip,
        bets: sources(model, stream, 'streams', 'bet')
    };
}

/**
 * The elements of one kind that link to this one by a relation, each once, in workspace order: an
 * OKR that writes `supports Early, Early` is one OKR supporting the bet, not two.
 */
export function sources(model: WorkspaceModel, element: StrategyElement, relation: LinkRelation, kind: ElementKind): StrategyElement[] {
    return [
        ...new Set(
            model
                .incoming(element, relation)
                .map(entry => entry.source)
                .filter(source => source.kind === kind)
        )
    ];
}
