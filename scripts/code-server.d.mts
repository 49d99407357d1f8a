// Types of scripts/code-server.mjs for the TypeScript end-to-end tests.
import type { LaunchOptions } from 'playwright-core';

export const ROOT: string;
export function installCodeServer(): string;
export function packagedVsix(): string;
export function freePort(preferred?: number): Promise<number>;

export interface CodeServer {
    url: string;
    port: number;
    /** The temporary folder holding its user data, extensions and XDG folders. */
    root: string;
    logs: string[];
    extensionsDir: string;
    stop(): Promise<void>;
}

export function startCodeServer(options: { codeServer: string; vsix: string; folder: string; port?: number; settings?: Record<string, unknown> }): Promise<CodeServer>;

export const CHROMIUM_LAUNCH: LaunchOptions;
