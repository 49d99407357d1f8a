/**
 * The vocabulary's tables against the grammar they are typed from. The type check already refuses
 * a table that misses a member of a generated union; this reads `eos.langium` itself (its parsed
 * form) so that a new element, status or level fails here too, with the word named, even before
 * anyone regenerates the AST types.
 */
import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, it } from 'vitest';
import { EosGrammar } from '../../../src/language/generated/grammar.js';
import { ELEMENT_CONCEPTS, VALUE_CONCEPTS, valueMeaning } from '../../../src/language/documentation/glossary.js';
import { KIND_LABEL } from '../../../src/language/model/elements.js';
import { KIND_PRESENTATION } from '../../../src/language/helpers/kind-presentation.js';
import { KANBAN_COLUMNS } from '../../../src/diagram/kanban.js';
import { VALUE_WORDS } from '../../../src/language/grammar/syntax-messages.js';
import {
    BET_STATUSES,
    CLOSED_BET_STATUSES,
    ELEMENT_KINDS,
    isLiveBet,
    KIND_OF_AST_TYPE,
    kindOfAstType,
    LEVEL_RANK,
    levelRank,
    VALUE_RULE_WORDS
} from '../../../src/language/model/vocabulary.js';
import type { StrategyElement } from '../../../src/language/model/elements.js';

const grammar = EosGrammar();
const rule = (name: string): GrammarAST.ParserRule => {
    const found = grammar.rules.find(candidate => candidate.name === name);
    if (!found || !GrammarAST.isParserRule(found)) throw new Error(`no parser rule ${name}`);
    return found;
};

/** Data-type rules written as nothing but a choice of keywords (`'funnel' | 'reviewing' | …`). */
function keywordChoiceRules(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const candidate of grammar.rules) {
        if (!GrammarAST.isParserRule(candidate) || !candidate.dataType) continue;
        const definition = candidate.definition;
        const choices = GrammarAST.isAlternatives(definition) ? definition.elements : [definition];
        if (choices.every(GrammarAST.isKeyword))
            result.set(
                candidate.name,
                choices.map(keyword => (keyword as GrammarAST.Keyword).value)
            );
    }
    return result;
}

/** Keyword-choice rules that are not a list of values the method explains (a key result's direction). */
const NOT_VALUE_LISTS = new Set(['Direction']);

const bet = (status?: string): StrategyElement => ({
    kind: 'bet',
    name: 'B',
    uri: 'file:///x.eos',
    links: [],
    propertyRanges: {},
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    nameRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    ...(status ? { status: status as never } : {})
});

describe('vocabulary', () => {
    it('has one kind for every element the grammar declares, opened by the keyword of that kind', () => {
        const element = rule('Element').definition;
        const declared = (GrammarAST.isAlternatives(element) ? element.elements : [element]).map(call => (call as GrammarAST.RuleCall).rule.ref!.name);
        expect(Object.keys(KIND_OF_AST_TYPE).sort()).toEqual([...declared, 'KeyResult'].sort());
        for (const type of Object.keys(KIND_OF_AST_TYPE)) {
            const firstKeyword = AstUtils.streamAllContents(rule(type)).find(GrammarAST.isKeyword);
            expect(firstKeyword?.value, type).toBe(kindOfAstType(type));
        }
        expect(ELEMENT_KINDS).toEqual(['vision', 'theme', 'bet', 'stream', 'initiative', 'okr', 'kr', 'team', 'value', 'practice', 'tenet', 'authority', 'decision']);
        // Every table keyed by kind covers every kind.
        for (const table of [ELEMENT_CONCEPTS, KIND_LABEL, KIND_PRESENTATION]) expect(Object.keys(table).sort()).toEqual([...ELEMENT_KINDS].sort());
    });

    it('is undefined for AST types that declare no element, whatever their name', () => {
        expect(kindOfAstType('Evidence')).toBeUndefined();
        expect(kindOfAstType('Model')).toBeUndefined();
        expect(kindOfAstType('constructor')).toBeUndefined();
        expect(kindOfAstType('toString')).toBeUndefined();
    });

    it("lists every value of every keyword choice in the grammar, in the grammar's order, each with its meaning", () => {
        const grammarChoices = keywordChoiceRules();
        const valueLists = [...grammarChoices.keys()].filter(name => !NOT_VALUE_LISTS.has(name)).sort();
        expect(Object.keys(VALUE_RULE_WORDS).sort()).toEqual(valueLists);
        for (const [name, words] of Object.entries(VALUE_RULE_WORDS)) {
            expect([...words], name).toEqual(grammarChoices.get(name));
            const meanings = VALUE_CONCEPTS[name as keyof typeof VALUE_CONCEPTS].values;
            expect(Object.keys(meanings), name).toEqual([...words]);
            for (const word of words) expect(valueMeaning(name as keyof typeof VALUE_CONCEPTS, word), `${name} ${word}`).toMatch(/\w/);
        }
        expect(valueMeaning('Level', 'constructor')).toBeUndefined();
    });

    it('derives the Kanban columns, syntax messages and level ranks from the same words', () => {
        expect([...KANBAN_COLUMNS]).toEqual(grammarOrder('KanbanStatus'));
        for (const [name, words] of Object.entries(VALUE_WORDS)) expect([...words], name).toEqual(grammarOrder(name));
        expect(Object.keys(LEVEL_RANK)).toEqual(grammarOrder('Level'));
        // High to low: each level ranks no higher than the one listed before it.
        const ranks = grammarOrder('Level').map(level => levelRank(level)!);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(levelRank(undefined)).toBeUndefined();
        expect(levelRank('galaxy')).toBeUndefined();
        expect(levelRank('constructor')).toBeUndefined();
    });

    it('closes a bet only with a bet status that closes it', () => {
        for (const status of CLOSED_BET_STATUSES) expect(BET_STATUSES as readonly string[]).toContain(status);
        expect(BET_STATUSES.filter(status => !isLiveBet(bet(status)))).toEqual(['invalidated', 'stopped']);
        expect(isLiveBet(bet())).toBe(true);
        expect(isLiveBet({ ...bet(), kind: 'initiative' })).toBe(false);
    });
});

function grammarOrder(name: string): string[] {
    const words = keywordChoiceRules().get(name);
    if (!words) throw new Error(`no keyword choice ${name}`);
    return words;
}
