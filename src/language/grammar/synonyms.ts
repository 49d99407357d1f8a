/**
 * The words strategists bring from other tools and frameworks for what EOS calls by another name:
 * `objective` for an OKR, `project` for an initiative, `state` for a status. A syntax error on
 * such a word says what EOS calls it, and the element is read as the strategist meant it.
 *
 * Keys are lower case; values are EOS keywords (element kinds or property words). A synonym is
 * only used where its keyword is allowed (a property synonym inside an element that has it).
 */
export const ELEMENT_SYNONYMS: Readonly<Record<string, string>> = {
    objective: 'okr',
    objectives: 'okr',
    goal: 'okr',
    okrs: 'okr',
    project: 'initiative',
    programme: 'initiative',
    program: 'initiative',
    epic: 'initiative',
    workstream: 'initiative',
    squad: 'team',
    tribe: 'team',
    department: 'team',
    unit: 'team',
    group: 'team',
    pillar: 'theme',
    priority: 'theme',
    mission: 'vision',
    valuestream: 'stream',
    value_stream: 'stream',
    principle: 'tenet',
    rule: 'tenet',
    hypothesis: 'bet',
    wager: 'bet'
};

export const PROPERTY_SYNONYMS: Readonly<Record<string, string>> = {
    state: 'status',
    stage: 'status',
    phase: 'status',
    lead: 'owner',
    owners: 'owner',
    responsible: 'owner',
    accountable: 'owner',
    team: 'owner',
    desc: 'description',
    summary: 'description',
    details: 'description',
    notes: 'description',
    note: 'description',
    about: 'description',
    start: 'started',
    startdate: 'started',
    start_date: 'started',
    began: 'started',
    end: 'finished',
    finish: 'finished',
    enddate: 'finished',
    end_date: 'finished',
    completed: 'finished',
    limit: 'wip',
    wiplimit: 'wip',
    wip_limit: 'wip',
    theme: 'serves',
    themes: 'serves',
    deadline: 'by',
    due: 'by',
    baseline: 'from',
    target: 'to',
    quarter: 'period',
    timeframe: 'period',
    parent_team: 'parent',
    reports_to: 'parent'
};
