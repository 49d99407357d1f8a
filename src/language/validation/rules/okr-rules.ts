/** OKRs: objectives need measurable key results that actually ask for change. */
import { comparable } from '../../model/measures.js';
import { findingOn, label, ruleFor } from '../issue.js';

export const MAX_KEY_RESULTS = 5;

export const okrWithoutKrs = ruleFor(['okr'], (element, _context, report) => {
    if ((element.keyResults?.length ?? 0) > 0) return;
    report(findingOn(element, 'okr-without-krs', `Objective ${label(element)} has no key result`));
});

export const tooManyKrs = ruleFor(['okr'], (element, _context, report) => {
    const count = element.keyResults?.length ?? 0;
    if (count <= MAX_KEY_RESULTS) return;
    report(findingOn(element, 'too-many-krs', `Objective ${label(element)} has ${count} key results (more than ${MAX_KEY_RESULTS})`));
});

export const krNotMeasurable = ruleFor(['kr'], (element, _context, report) => {
    // A figure that could not be read is reported as invalid-value on the figure itself.
    if ((element.baseline && element.target) || element.valueProblems?.length) return;
    report(findingOn(element, 'kr-not-measurable', `Key result ${label(element)} has no target`));
});

export const krNoChange = ruleFor(['kr'], (element, _context, report) => {
    const { baseline, target } = element;
    if (!baseline || !target) return;
    const from = comparable(baseline),
        to = comparable(target);
    if (from.value !== to.value || from.dimension !== to.dimension) return;
    report(findingOn(element, 'kr-no-change', `Key result ${label(element)} targets ${target.text}, where it starts`));
});
