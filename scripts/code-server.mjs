// A real VS Code (code-server) with the packaged extension installed, for the end-to-end tests and
// `npm run demo`. Everything it writes goes to one temporary folder, removed by `stop()`, so runs
// never see each other's settings, extensions or restored editors.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Installs code-server once per machine (scripts/install-code-server.sh) and returns its path. */
export function installCodeServer() {
    const out = execFileSync('bash', [path.join(ROOT, 'scripts/install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return out.trim().split('\n').pop();
}

/** The .vsix that `npm run package` writes for the current version. */
export function packagedVsix() {
    const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const vsix = path.join(ROOT, `${name}-${version}.vsix`);
    if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
    return vsix;
}

/** A port nobody listens on, on loopback. */
export function freePort(preferred = 0) {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', error => (preferred ? resolve(freePort(0)) : reject(error)));
        server.listen(preferred, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/**
 * Starts code-server on loopback without a password, with `vsix` installed, showing `folder`.
 * Resolves once the server answers /healthz. Returns `{ url, port, root, logs, stop }`.
 */
export async function startCodeServer({ codeServer, vsix, folder, port, settings = {} }) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-code-server-'));
    const dirs = Object.fromEntries(['config', 'data', 'cache', 'user-data', 'extensions'].map(name => [name, path.join(root, name)]));
    for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
    fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
    fs.writeFileSync(
        path.join(dirs['user-data'], 'User', 'settings.json'),
        JSON.stringify(
            {
                'workbench.startupEditor': 'none',
                'workbench.tips.enabled': false,
                'workbench.welcomePage.walkthroughs.openOnInstall': false,
                'security.workspace.trust.enabled': false,
                'telemetry.telemetryLevel': 'off',
                'update.mode': 'none',
                'extensions.autoCheckUpdates': false,
                'extensions.autoUpdate': false,
                'chat.commandCenter.enabled': false,
                ...settings
            },
            null,
            2
        )
    );
    const env = { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache };
    delete env.VSCODE_IPC_HOOK_CLI;

    execFileSync(codeServer, ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs['user-data'], '--install-extension', vsix], { env, stdio: ['ignore', 'pipe', 'pipe'] });

    port ??= await freePort();
    const logs = [];
    // Its own process group, so that stop() ends code-server and the processes it started.
    const child = spawn(
        codeServer,
        [
            '--bind-addr',
            `127.0.0.1:${port}`,
            '--auth',
            'none',
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust',
            '--disable-getting-started-override',
            '--user-data-dir',
            dirs['user-data'],
            '--extensions-dir',
            dirs.extensions,
            folder
        ],
        { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    child.stdout.on('data', chunk => logs.push(String(chunk)));
    child.stderr.on('data', chunk => logs.push(String(chunk)));
    const exited = new Promise(resolve => child.once('exit', resolve));

    let stopped = false;
    const stop = async () => {
        if (stopped) return;
        stopped = true;
        if (child.exitCode === null && child.signalCode === null) {
            try {
                process.kill(-child.pid, 'SIGTERM');
            } catch {
                /* already gone */
            }
            const timeout = new Promise(resolve => setTimeout(resolve, 5000, 'timeout'));
            if ((await Promise.race([exited, timeout])) === 'timeout') {
                try {
                    process.kill(-child.pid, 'SIGKILL');
                } catch {
                    /* already gone */
                }
            }
        }
        // The extension host may linger a moment after the server exits.
        try {
            process.kill(-child.pid, 'SIGKILL');
        } catch {
            /* already gone */
        }
        fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    };

    const url = `http://127.0.0.1:${port}`;
    try {
        await waitForHealth(url, exited, logs);
    } catch (error) {
        await stop();
        throw error;
    }
    return { url, port, root, logs, stop, extensionsDir: dirs.extensions };
}

/** Polls /healthz until code-server answers (about a second), or fails when it exits. */
async function waitForHealth(url, exited, logs, timeoutMs = 60_000) {
    let exitCode;
    void exited.then(code => {
        exitCode = code ?? 'signal';
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (exitCode !== undefined) throw new Error(`code-server exited (${exitCode}):\n${logs.join('')}`);
        try {
            const response = await fetch(`${url}/healthz`);
            if (response.ok) return;
        } catch {
            /* not listening yet */
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s:\n${logs.join('')}`);
}

/** Launch options for Debian's chromium driven by playwright-core (never a downloaded browser). */
export const CHROMIUM_LAUNCH = {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
};
