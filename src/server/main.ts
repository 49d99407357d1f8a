/** Entry of the bundled language server the VS Code extension launches (IPC or stdio from argv). */
import '../polyfill.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './start-server.js';

startServer(createConnection(ProposedFeatures.all));
