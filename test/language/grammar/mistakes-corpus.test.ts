/**
 * Strategists' natural mistakes (misspellings, capitals, quotes, braces, YAML and spreadsheet
 * habits, text copied from slides), each with the one message it must give, its line and columns,
 * and the guarantee that the untouched file beside it gets no finding.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkspace, describeDiagnostic } from '../../helpers.js';

/** The file nobody touches: a small hospital strategy, clean on its own. */
const CONTEXT = `vision Care "Care close to home"
theme Access "Faster access to care" { vision Care }
team Hospital "Hospital network" { level company }
bet Triage "Triage faster" {
  serves Access
  hypothesis "If senior nurses triage at the door, waits fall"
  streams Emergency
}
stream Emergency "Emergency care" { wip 3 }
initiative DoorTriage "Door triage" { bet Triage stream Emergency status ready }
`;

/** [what the strategist did, the file they wrote, `code@line:col-line:col message` of each diagnostic]. */
const CASES: Array<[string, string, string[]]> = [
    [
        'misspelt element keyword',
        'intiative SeniorTriage "Senior triage" {\n  bet Triage\n}\n',
        ['syntax@1:0-1:9 `intiative` is not a kind of element. Did you mean `initiative`? It is read as an initiative until you correct it.']
    ],
    [
        'element keyword in capitals',
        'Initiative SeniorTriage "Senior triage" {\n  bet Triage\n}\n',
        ['syntax@1:0-1:10 Keywords are written in lower case: write `initiative`, not `Initiative`.']
    ],
    [
        'objective for okr',
        'objective Waits "Shorter waits" {\n  supports Triage\n  period 2026-Q1\n  kr Door "Door to triage" from 40 min to 15 min\n}\n',
        ['syntax@1:0-1:9 EOS has no element `objective`: it calls it an OKR, `okr`. Write `okr Name "Title"`; it is read so until you do.']
    ],
    [
        'project for initiative',
        'project SeniorTriage "Senior triage" {\n  bet Triage\n}\n',
        ['syntax@1:0-1:7 EOS has no element `project`: it calls it an initiative, `initiative`. Write `initiative Name "Title"`; it is read so until you do.']
    ],
    [
        'unknown element word',
        'scheme SeniorTriage "Senior triage" {\n  bet Triage\n}\n',
        [
            'syntax@1:0-1:6 `scheme` is not a kind of element, so this element and its block are not read. Each element starts with its kind: `initiative`, `bet`, `okr`, `team`, … (docs/language.md lists them all), e.g. `initiative Name "Title"`.'
        ]
    ],
    [
        'title without quotes',
        'initiative SeniorTriage Senior nurses at the door {\n  bet Triage\n}\n',
        [
            'syntax@1:24-1:49 A title is written in quotes: write `initiative SeniorTriage "Senior nurses at the door"`. A name is one word (letters, digits, _); the title, after it, may say anything.'
        ]
    ],
    [
        'hypothesis without quotes',
        'bet Waits "Shorter waits" {\n  serves Access\n  hypothesis If nurses triage at the door, waits fall\n}\n',
        [
            'syntax@3:13-3:53 A text is written in quotes: write `hypothesis "If nurses triage at the door, waits fall"`.',
            "unfunded-bet@1:4-1:9 Bet 'Waits' has no initiative — start an initiative with `bet <Name>`, or set the bet `stopped`."
        ]
    ],
    [
        'misspelt property',
        'bet Waits "Shorter waits" {\n  serves Access\n  hypotesis "If nurses triage, waits fall"\n}\n',
        [
            'syntax@3:2-3:11 A bet has no property `hypotesis`. Did you mean `hypothesis`? It is read as `hypothesis` until you correct it. A bet takes `serves`, `hypothesis`, `streams`, `status`, `horizon`, `owner`, `evidence`, `description`.',
            "unfunded-bet@1:4-1:9 Bet 'Waits' has no initiative — start an initiative with `bet <Name>`, or set the bet `stopped`."
        ]
    ],
    [
        'property in capitals',
        'bet Waits "Shorter waits" {\n  Serves Access\n  hypothesis "h"\n}\n',
        [
            'syntax@2:2-2:8 Keywords are written in lower case: write `serves`, not `Serves`.',
            "unfunded-bet@1:4-1:9 Bet 'Waits' has no initiative — start an initiative with `bet <Name>`, or set the bet `stopped`."
        ]
    ],
    [
        'state for status',
        'initiative SeniorTriage "Senior triage" {\n  bet Triage\n  state doing\n}\n',
        ['syntax@3:2-3:7 An initiative has no property `state`: EOS calls it `status`. Write `status …`; it is read so until you do.']
    ],
    [
        'lead for owner',
        'initiative SeniorTriage "Senior triage" {\n  bet Triage\n  lead Hospital\n}\n',
        ['syntax@3:2-3:6 An initiative has no property `lead`: EOS calls it `owner`. Write `owner …`; it is read so until you do.']
    ],
    [
        'unknown property',
        'bet Waits "Shorter waits" {\n  serves Access\n  hypothesis "h"\n  budget 2000000\n}\n',
        [
            'syntax@4:2-4:8 A bet has no property `budget`. This line is not read. A bet takes `serves`, `hypothesis`, `streams`, `status`, `horizon`, `owner`, `evidence`, `description`.',
            "unfunded-bet@1:4-1:9 Bet 'Waits' has no initiative — start an initiative with `bet <Name>`, or set the bet `stopped`."
        ]
    ],
    [
        'title as a property',
        'bet Waits {\n  title "Shorter waits"\n  serves Access\n  hypothesis "h"\n}\n',
        [
            'syntax@2:2-2:7 A bet has no property `title`: its title is written on its first line, `bet Name "Title"`. This line is not read. A bet takes `serves`, `hypothesis`, `streams`, `status`, `horizon`, `owner`, `evidence`, `description`.',
            "unfunded-bet@1:4-1:9 Bet 'Waits' has no initiative — start an initiative with `bet <Name>`, or set the bet `stopped`."
        ]
    ],
    [
        'status value in capitals',
        'initiative SeniorTriage "Senior triage" {\n  bet Triage\n  status Doing\n}\n',
        ['syntax@3:9-3:14 Keywords are written in lower case: write `doing`, not `Doing`.']
    ],
    [
        'misspelt status value',
        'initiative SeniorTriage "Senior triage" {\n  bet Triage\n  status doign\n}\n',
        ['syntax@3:9-3:14 `doign` is not an initiative status. Did you mean `doing`? Write one of `funnel`, `reviewing`, `analyzing`, `ready`, `doing`, `done`, `stopped`.']
    ],
    [
        'unclosed block mid-file',
        'bet Waits "Shorter waits" {\n  serves Access\n  hypothesis "h"\n\ninitiative SeniorTriage "Senior triage" {\n  bet Waits\n}\n',
        ['syntax@1:26-1:27 The bet `Waits` opened on line 1 is not closed: add `}` before `initiative SeniorTriage` on line 5.']
    ],
    [
        'unclosed block at end',
        'initiative SeniorTriage "Senior triage" {\n  bet Triage\n',
        ['syntax@1:40-1:41 The initiative `SeniorTriage` opened on line 1 is not closed: add `}` at the end of the file.']
    ],
    [
        'stray closing brace',
        'initiative SeniorTriage "Senior triage" {\n  bet Triage\n}\n}\n',
        ['syntax@4:0-4:1 This `}` closes no block: remove it, or add the `{` it belongs to.']
    ],
    ['YAML colon', 'initiative SeniorTriage "Senior triage" {\n  bet Triage\n  status: doing\n}\n', ['syntax@3:8-3:9 EOS writes `status doing`, without a colon: remove the `:`.']],
    [
        'YAML colon before a text',
        'bet Waits "Shorter waits" {\n  serves Access\n  hypothesis: "h"\n}\n',
        [
            'syntax@3:12-3:13 EOS writes `hypothesis "h"`, without a colon: remove the `:`.',
            "unfunded-bet@1:4-1:9 Bet 'Waits' has no initiative — start an initiative with `bet <Name>`, or set the bet `stopped`."
        ]
    ],
    ['equals sign', 'stream Outpatients "Outpatients" {\n  wip = 3\n}\n', ['syntax@2:6-2:7 EOS writes `wip 3`, without `=`: remove the `=`.']],
    [
        'hash comment',
        '# the front door\ninitiative SeniorTriage "Senior triage" {\n  bet Triage\n}\n',
        ['syntax@1:0-1:1 Comments start with `//` in EOS: write `// …`. This line is not read.']
    ],
    [
        'curly quotes',
        'initiative SeniorTriage “Senior triage” {\n  bet Triage\n}\n',
        ['syntax@1:24-1:39 This text is in curly quotes “…”, as a word processor or slide writes them: EOS reads straight quotes, `"…"`.']
    ],
    ['tabs instead of spaces', 'initiative SeniorTriage "Senior triage" {\n\tbet Triage\n\tstatus ready\n}\n', []],
    [
        'zero-width space from a slide',
        'initiative SeniorTriage "Senior triage" {\n  bet\u200b Triage\n}\n',
        ['syntax@2:5-2:6 An invisible character (U+200B) stands here, probably pasted with the text: remove it.']
    ],
    [
        'semicolon at line end',
        'initiative SeniorTriage "Senior triage" {\n  bet Triage;\n}\n',
        ['syntax@2:12-2:13 EOS needs no `;` here: each property stands on its own; remove it.']
    ],
    [
        'en dash in a horizon',
        'bet Waits "Shorter waits" {\n  serves Access\n  hypothesis "h"\n  horizon 2026–2028\n}\n',
        [
            'syntax@4:14-4:15 `–` is a dash from a word processor: write a range of years as `2026..2028` and a negative number with `-`.',
            'syntax@4:15-4:19 `2028` cannot stand here in a bet: each property is a word followed by its value, e.g. `serves …`; the block ends with `}`.',
            "unfunded-bet@1:4-1:9 Bet 'Waits' has no initiative — start an initiative with `bet <Name>`, or set the bet `stopped`."
        ]
    ],
    [
        'name with a space',
        'initiative Senior Triage "Senior triage" {\n  bet Triage\n}\n',
        ['syntax@1:11-1:24 A name is one word (letters, digits, _): write `initiative SeniorTriage`; it is read as `Senior` until you do.']
    ],
    [
        'key result without a name',
        'okr Waits "Shorter waits" {\n  supports Triage\n  kr "Door to triage" from 40 to 15\n}\n',
        [
            'syntax@3:5-3:21 This key result has no name: write `kr Name "Door to triage" from … to …`; the name is how other OKRs refer to it (`Okr.Name`).',
            'okr-without-krs@1:4-1:9 Objective \'Waits\' has no key result — add `kr <Name> "…" from <baseline> to <target>`.'
        ]
    ],
    ['money from a slide', 'okr Waits "Shorter waits" {\n  supports Triage\n  kr Cost "Cost per visit" from £1.9m to £1.1m\n}\n', []]
];

describe('a corpus of natural mistakes', () => {
    it('has at least 25 cases', () => {
        expect(CASES.length).toBeGreaterThanOrEqual(25);
    });

    for (const [mistake, text, expected] of CASES) {
        it(mistake, async () => {
            const ws = await buildWorkspace({ 'context.eos': CONTEXT, 'case.eos': text });
            expect(ws.diagnostics('context.eos')).toEqual([]);
            // Syntax is what the corpus is about: an undated `doing` card's info finding is not part of it.
            const messages = ws
                .diagnostics('case.eos')
                .filter(d => d.code !== 'doing-without-date')
                .map(d => `${describeDiagnostic(d)} ${String(d.message)}`);
            expect(messages).toEqual(expected);
            for (const message of messages) expect(message).not.toMatch(/token|Expecting|but found|``/);
        });
    }
});
