/**
 * Sites for tests: a workspace built with the real services, turned into the site's input the
 * way `eos build` does, and generated with buildSite.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildWorkspace, readEosFolder } from '../helpers.js';
import { buildSite, type SiteAssets, type SiteOptions } from '../../src/site/build-site.js';
import { siteInputOf } from '../../src/site/site-input.js';

export const ROOT = path.resolve(__dirname, '../..');

/** The real bundled scripts when they exist (npm run build), else placeholders for page-structure tests. */
export function assetsForTests(): SiteAssets {
    const dir = path.join(ROOT, 'out/site-assets');
    if (fs.existsSync(path.join(dir, 'site.js')) && fs.existsSync(path.join(dir, 'tree.js'))) {
        return { siteJs: fs.readFileSync(path.join(dir, 'site.js'), 'utf8'), treeJs: fs.readFileSync(path.join(dir, 'tree.js'), 'utf8') };
    }
    return { siteJs: '/* site script */\n', treeJs: '/* tree script */\n' };
}

export async function siteOf(files: Record<string, string>, options: SiteOptions & { today?: string } = {}): Promise<Map<string, string>> {
    const workspace = await buildWorkspace(files, { today: options.today ?? '2026-03-01' });
    const documents = [...workspace.documents.values()];
    const fileOf = (uri: string) => uri.replace(/^file:\/\/\/workspace\//, '');
    const input = siteInputOf(workspace.services.eos.StrategyWorkspace, documents, fileOf);
    return buildSite(input, assetsForTests(), options);
}

export const readExample = readEosFolder;

/** Writes a site map to a folder. */
export function writeSiteFiles(files: Map<string, string>, folder: string): void {
    for (const [file, content] of files) {
        fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        fs.writeFileSync(path.join(folder, file), content);
    }
}

/** Titles and texts that would run script or inject markup if any page trusted them. */
export const HOSTILE = {
    'strategy.eos': `/** Doc with <script>window.__pwned = 'doc'</script> and <img src=x onerror="window.__pwned='img'"> */
vision V "<script>window.__pwned = 'vision'</script>"
theme T "\\"><img src=x onerror=\\"window.__pwned='theme'\\">" { vision V }
bet B "<svg onload=\\"window.__pwned='bet'\\"></svg>" { serves T hypothesis "</script><script>window.__pwned='hypothesis'</script>" streams S evidence 2026-01-02 supports "<b onmouseover=alert(1)>bold</b>" }
stream S "<iframe src=javascript:alert(1)>" { wip 1 }
initiative I "javascript:alert('x')" { bet B stream S status doing updated 2026-02-20 owner Team }
initiative J "{{constructor.constructor('window.__pwned=1')()}}" { bet B stream S status doing updated 2026-02-20 }
team Team "<style>body{display:none}</style>" { level crew }
okr O "&lt;b&gt; already escaped &amp; ampersands" { owner Team supports B period 2026-Q1 kr K "<a href='javascript:alert(1)'>click</a>" from 1 to 5 current 2 }
value Val "'; window.__pwned='value'; '" 
tenet Ten "\`\${window.__pwned='tenet'}\`" { when "<script>1</script>" choose "<b>a</b>" over "<i>b</i>" upholds Val }
`
};
