/** Values and decision tenets: principles must be lived and trade-offs must be real. */
import { findingOn, label, type ElementRule } from '../issue.js';

function same(a: string | undefined, b: string | undefined): boolean {
    return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

export const tenetNoTradeoff: ElementRule = (element, _context, report) => {
    if (element.kind !== 'tenet' || !same(element.chosen, element.over)) return;
    report(findingOn(element, 'tenet-no-tradeoff', `Tenet ${label(element)} chooses "${element.chosen}" over itself`));
};

export const tenetConflict: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'tenet' || !element.situation || same(element.chosen, element.over)) return;
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
};

export const valueUnpracticed: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'value') return;
    const livedBy = model
        .incoming(element)
        .some(
            ({ source, link }) =>
                (source.kind === 'tenet' && link.relation === 'upholds') ||
                (source.kind === 'practice' && link.relation === 'embodies') ||
                (source.kind === 'value' && link.relation === 'extends') ||
                ((source.kind === 'decision' || source.kind === 'authority') && link.relation === 'applies')
        );
    if (livedBy) return;
    report(findingOn(element, 'value-unpracticed', `Value ${label(element)} is practised nowhere`));
};
