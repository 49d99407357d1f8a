/** Values and decision tenets: principles must be lived and trade-offs must be real. */
import { sameText as same } from '../../model/text-compare.js';
import type { StrategyElement } from '../../model/elements.js';
import type { WorkspaceModel } from '../../model/workspace-model.js';
import { findingOn, label, ruleFor } from '../issue.js';

export const tenetNoTradeoff = ruleFor(['tenet'], (element, _context, report) => {
    if (!same(element.chosen, element.over)) return;
    report(findingOn(element, 'tenet-no-tradeoff', `Tenet ${label(element)} chooses "${element.chosen}" over itself`));
});

export const tenetConflict = ruleFor(['tenet'], (element, { model }, report) => {
    if (!element.situation || same(element.chosen, element.over)) return;
    for (const other of model.ofKind('tenet')) {
        if (other === element || !same(other.situation, element.situation)) continue;
        if (same(other.chosen, element.over) && same(other.over, element.chosen)) {
            report(
                findingOn(element, 'tenet-conflict', `Tenets ${label(element)} and ${label(other)} choose opposite options when "${element.situation}"`, {
                    data: { other: other.name }
                })
            );
            return;
        }
    }
});

export const valueUnpracticed = ruleFor(['value'], (element, { model }, report) => {
    if (livedOut(model, element)) return;
    report(findingOn(element, 'value-unpracticed', `Value ${label(element)} is practised nowhere`));
});

/** A tenet, practice, interpretation or decision lives the value out (else `value-unpracticed` speaks; `value-drift` looks further). */
export function livedOut(model: WorkspaceModel, value: StrategyElement): boolean {
    return model
        .incoming(value)
        .some(
            ({ source, link }) =>
                (source.kind === 'tenet' && link.relation === 'upholds') ||
                (source.kind === 'practice' && link.relation === 'embodies') ||
                (source.kind === 'value' && link.relation === 'extends') ||
                ((source.kind === 'decision' || source.kind === 'authority') && link.relation === 'applies')
        );
}
