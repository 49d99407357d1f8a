/**
 * The language server's own services, injected on top of the language's (eos-module.ts): they talk
 * to the client over the connection, so the CLI and the tests that need no client leave them out.
 */
import type { Module } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { EosServices } from '../language/eos-module.js';
import { WorkspaceConfig } from './workspace-config.js';

export interface EosServerAddedServices {
    server: {
        /** `eos.config.json` and the `eos.*` editor settings. */
        WorkspaceConfig: WorkspaceConfig;
    };
}

export type EosServerServices = EosServices & EosServerAddedServices;

export const EosServerModule: Module<EosServerServices, EosServerAddedServices> = {
    server: {
        WorkspaceConfig: services => new WorkspaceConfig(services, connectionOf(services))
    }
};

function connectionOf(services: EosServices): Connection {
    const connection = services.shared.lsp.Connection;
    if (!connection) throw new Error('The EOS server services need a connection to the client (createEosServices({ connection, … }, EosServerModule)).');
    return connection;
}
