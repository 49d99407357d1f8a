/**
 * A three-file strategy for language-feature tests (the LANGUAGE.md example plus a platform team
 * whose OKR supports a key result as `Okr.Kr`), and helpers that address positions by the text
 * found there, so tests read like "hover over `supports EarlyExperience`".
 */
import type { LangiumDocument } from 'langium';
import type { Position, TextDocumentPositionParams } from 'vscode-languageserver';
import { buildWorkspace, type TestWorkspace } from '../../helpers.js';

export const STRATEGY = `/** Where Acme wants to be in five years. */
vision PrimaryBank "Become the primary digital banking provider"

theme Retention "Increase customer retention in the first 90 days" {
  vision PrimaryBank
  horizon 2026
}

stream Onboarding "Customer Onboarding" { wip 1 }
stream CoreProduct "Core Product Experience" { wip 4 }
stream Support "Customer Support"

/**
 * Our main bet for 2026.
 */
bet EarlyExperience "Improve early customer experience" {
  serves Retention
  hypothesis "If we reduce friction in the first weeks, retention will increase"
  streams Onboarding, CoreProduct, Support
  evidence 2026-02-15 supports "Activation in the pilot cohort rose from 40% to 52%"
}

value CustomerTrust "Customer trust over growth metrics"
value ProductionSacred "We treat production as sacred" { extends CustomerTrust }

tenet ReliabilityFirst {
  when "speed and reliability conflict"
  choose "reliability" over "speed"
  because "customers depend on our critical paths"
  upholds CustomerTrust
}
`;

export const ONBOARDING = `team Growth "Growth division" { level division }
team OnboardingCrew "Onboarding crew" { level crew parent Growth }

initiative GuidedSetup "Guided setup wizard" {
  bet EarlyExperience
  stream Onboarding
  owner OnboardingCrew
  status doing
  hypothesis "A guided setup gets new customers to first value faster"
  success "Median time to first value under 3 days"
  failure "Setup completion below 50% after six weeks"
  updated 2026-02-20
}

initiative ReferralProgram "Referral rewards" {
  stream Onboarding
  status doing
}

okr EarlyConfidence "Improve early customer confidence and success" {
  owner OnboardingCrew
  period 2026-Q1
  supports EarlyExperience
  kr FirstValue "New customers reach first value within 7 days" from 40% to 65% current 52%
  kr EarlyChurn "Early churn" from 10% to 8%
  kr Friction "Fewer customer-reported friction points"
}

practice PostmortemsIn24h "Postmortems within 24 hours" { embodies ProductionSacred owner OnboardingCrew }
`;

export const PLATFORM = `team PlatformPod "Platform pod" { level pod parent OnboardingCrew }

okr FasterSetup "Setup that never blocks a new customer" {
  owner PlatformPod
  period 2026-Q1
  supports EarlyConfidence.FirstValue, EarlyConfidence
  kr SetupErrors "Setup errors per 1000 sign-ups" from 12 to 4 current 9
}
`;

export const FILES = { 'strategy.eos': STRATEGY, 'teams/onboarding.eos': ONBOARDING, 'teams/platform.eos': PLATFORM };

export function buildStrategy(files: Record<string, string> = FILES): Promise<TestWorkspace> {
    return buildWorkspace(files, { today: '2026-03-01' });
}

export function documentOf(ws: TestWorkspace, file: string): LangiumDocument {
    const document = ws.documents.get(file);
    if (!document) throw new Error(`no document ${file}`);
    return document;
}

/**
 * The position `delta` characters into the `nth` occurrence of `needle` in a file (by default on
 * its first character), as request parameters.
 */
export function at(ws: TestWorkspace, file: string, needle: string, options: { nth?: number; delta?: number } = {}): TextDocumentPositionParams & { document: LangiumDocument } {
    const document = documentOf(ws, file);
    const text = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= (options.nth ?? 0); i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' (#${options.nth ?? 0}) not found in ${file}`);
    }
    const position: Position = document.textDocument.positionAt(index + (options.delta ?? 0));
    return { document, textDocument: { uri: document.uri.toString() }, position };
}

/** The text a range covers in a file, to assert edits and locations by what they show. */
export function textAt(ws: TestWorkspace, uri: string, range: { start: Position; end: Position }): string {
    const document = [...ws.documents.values()].find(doc => doc.uri.toString() === uri);
    if (!document) throw new Error(`no document ${uri}`);
    return document.textDocument.getText(range);
}

/** `file:line` (1-based) of a location, with the file relative to the workspace. */
export function fileOf(uri: string): string {
    return uri.replace(/^file:\/\/\/workspace\//, '');
}
