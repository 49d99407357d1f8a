/**
 * The element keywords and the property keywords each element takes, read from the grammar
 * itself, so the formatter, the syntax messages and their suggestions never disagree with what the
 * parser accepts.
 */
import { GrammarAST, type Grammar } from 'langium';
import { EosGrammar } from '../generated/grammar.js';
import type { ElementKind } from '../model/elements.js';

export interface ElementSyntax {
    /** The AST type, e.g. `Initiative`. */
    type: string;
    /** The keyword that starts it, e.g. `initiative`. */
    keyword: ElementKind;
    /** The words that start a property in its block, in grammar order (`kr`, `evidence` included). */
    properties: string[];
    /** The properties whose value is one quoted text (`hypothesis "…"`), which a strategist may forget to quote. */
    textProperties: string[];
}

/** Every element of the language, in grammar order. */
export const ELEMENT_SYNTAX: readonly ElementSyntax[] = readElements(EosGrammar());

/** By keyword (`initiative`) and by AST type (`Initiative`). */
export const ELEMENT_BY_KEYWORD: ReadonlyMap<string, ElementSyntax> = new Map(ELEMENT_SYNTAX.map(e => [e.keyword, e]));
export const ELEMENT_BY_TYPE: ReadonlyMap<string, ElementSyntax> = new Map(ELEMENT_SYNTAX.map(e => [e.type, e]));

/** The words a key result takes after its name and title. */
export const KEY_RESULT_WORDS: readonly string[] = ['from', 'to', 'up', 'down', 'current', 'by', 'description'];

function readElements(grammar: Grammar): ElementSyntax[] {
    const element = grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.name === 'Element') as GrammarAST.ParserRule | undefined;
    if (!element) return [];
    const result: ElementSyntax[] = [];
    for (const call of alternativesOf(element.definition)) {
        if (!GrammarAST.isRuleCall(call) || !GrammarAST.isParserRule(call.rule.ref)) continue;
        const rule = call.rule.ref;
        const first = keywordsIn(rule.definition)[0];
        const block = blockAlternatives(rule.definition);
        const words = [...new Set(block.map(firstWord).filter((w): w is string => !!w))];
        // `description` is written first in the grammar but is the least telling word in a list.
        const properties = [...words.filter(w => w !== 'description'), ...words.filter(w => w === 'description')];
        const textProperties = block
            .filter(isTextProperty)
            .map(firstWord)
            .filter((w): w is string => !!w);
        result.push({ type: rule.name, keyword: first.value as ElementKind, properties, textProperties });
    }
    return result;
}

/** `'hypothesis' hypothesis=STRING`: a keyword and one text, nothing else. */
function isTextProperty(node: GrammarAST.AbstractElement): boolean {
    if (!GrammarAST.isGroup(node) || node.elements.length !== 2 || !GrammarAST.isKeyword(node.elements[0])) return false;
    const value = node.elements[1];
    return GrammarAST.isAssignment(value) && GrammarAST.isRuleCall(value.terminal) && value.terminal.rule.ref?.name === 'STRING';
}

function alternativesOf(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement[] {
    return GrammarAST.isAlternatives(element) ? element.elements : [element];
}

/** The alternatives of the `( … )*` inside the element's `{ … }`. */
function blockAlternatives(definition: GrammarAST.AbstractElement): GrammarAST.AbstractElement[] {
    let found: GrammarAST.AbstractElement[] = [];
    const visit = (node: GrammarAST.AbstractElement): void => {
        if (found.length) return;
        if (GrammarAST.isGroup(node)) {
            const open = node.elements.findIndex(e => GrammarAST.isKeyword(e) && e.value === '{');
            if (open >= 0 && GrammarAST.isAlternatives(node.elements[open + 1])) {
                found = (node.elements[open + 1] as GrammarAST.Alternatives).elements;
                return;
            }
            node.elements.forEach(visit);
        }
    };
    visit(definition);
    return found;
}

/** The first keyword an alternative starts with (following a rule call into its rule). */
function firstWord(node: GrammarAST.AbstractElement): string | undefined {
    if (GrammarAST.isKeyword(node)) return node.value;
    if (GrammarAST.isGroup(node)) return node.elements.length ? firstWord(node.elements[0]) : undefined;
    if (GrammarAST.isAssignment(node)) return firstWord(node.terminal);
    if (GrammarAST.isRuleCall(node) && GrammarAST.isParserRule(node.rule.ref)) return firstWord(node.rule.ref.definition);
    return undefined;
}

function keywordsIn(node: GrammarAST.AbstractElement | undefined): GrammarAST.Keyword[] {
    if (!node) return [];
    const result: GrammarAST.Keyword[] = [];
    const visit = (n: GrammarAST.AbstractElement | undefined): void => {
        if (!n) return;
        if (GrammarAST.isKeyword(n)) result.push(n);
        else if (GrammarAST.isGroup(n) || GrammarAST.isAlternatives(n) || GrammarAST.isUnorderedGroup(n)) n.elements.forEach(visit);
        else if (GrammarAST.isAssignment(n)) visit(n.terminal);
        else if (GrammarAST.isCrossReference(n)) visit(n.terminal);
    };
    visit(node);
    return result;
}
