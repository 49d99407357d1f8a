/** Two states of a small strategy for the compare tests, and the language server's services on files in a folder. */
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { createEosServices, type EosServices } from '../../src/language/eos-module.js';

export const BEFORE = `vision Bank "The bank people open first"

theme Habit "Become the everyday account" {
  vision Bank
}

stream Payments "Payments" { wip 2 }

bet Payouts "Instant payouts" {
  serves Habit
  hypothesis "If payouts arrive in seconds, merchants stay"
  status active
}

initiative PayoutApi "Payout API" {
  bet Payouts
  stream Payments
  status doing
}

initiative LegacyExport "Export <b>CSV</b> & PDF" {
  bet Payouts
  stream Payments
  status doing
}

initiative Cards "Card controls" {
  bet Payouts
  stream Payments
  status ready
}

okr Q2 "Merchants get paid fast" {
  supports Payouts
  kr Speed "Payouts under ten seconds" from 10% to 80% current 30%
  kr Share "Merchants using payouts" from 5% to 20%
}
`;

export const AFTER =
    BEFORE.replace(
        `initiative LegacyExport "Export <b>CSV</b> & PDF" {
  bet Payouts
  stream Payments
  status doing
}

`,
        ''
    )
        .replace('status active', 'status stopped')
        .replace('from 10% to 80%', 'from 10% to 60%')
        .replace('  kr Share "Merchants using payouts" from 5% to 20%\n', '') +
    `
initiative Reminders "Bill reminders" {
  bet Payouts
  status ready
}
`;

/** The language server's own services on the repository's files as the editor holds them. */
export async function editorWorkspace(folder: string, files: Record<string, string>): Promise<EosServices> {
    const services = createEosServices(EmptyFileSystem).Eos;
    services.eos.StrategyWorkspace.today = '2026-03-01';
    const documents = Object.entries(files).map(([file, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(folder, file)));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return services;
}
