// Bodies shaped as schemas/api/*.schema.json (and the announced session/users/lifecycle/health routes).
import type {
  AccountDetail,
  AccountLeaderboardPage,
  AccountMembersPage,
  ContactLifecycle,
  ContactScoreHistory,
  ContactScores,
  ContactTimeline,
  LeaderboardPage,
  ModelBacktest,
  ModelIssueDetail,
  ModelList,
  ModelVersion,
  PipelineHealth,
  Role,
  Session,
} from '../api/types';

export function session(role: Role = 'admin'): Session {
  return {
    user: {
      id: 'usr_1',
      workspaceId: 'acme',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role,
      createdAt: '2025-01-01T00:00:00.000Z',
      lastSignInAt: '2025-06-01T08:00:00.000Z',
    },
    csrfToken: 'csrf-123',
    expiresAt: '2025-06-02T08:00:00.000Z',
  };
}

/** The live version 3 of the model `ontraport`. */
export const ontraport: ModelVersion = {
  id: 'ontraport',
  version: 3,
  name: 'ONTRAPORT-style',
  live: true,
  appliedAt: '2025-05-01T10:00:00.000Z',
  appliedBy: 'key_admin',
  sourceFormat: 'yaml',
};

export const modelList: ModelList = {
  models: [
    ontraport,
    {
      id: 'webinar',
      version: 1,
      name: 'Webinar funnel',
      live: true,
      appliedAt: '2025-05-02T10:00:00.000Z',
      appliedBy: null,
      sourceFormat: null,
    },
  ],
};

/** The api's issue for `points: <a word>` at line 7 of a model's text. */
export function modelIssue(overrides: Partial<ModelIssueDetail> = {}): ModelIssueDetail {
  return {
    path: 'engagement[0].points',
    pointer: '/engagement/0/points',
    line: 7,
    column: 13,
    message: 'must be number',
    check: 'schema:type',
    ...overrides,
  };
}

export function leaderboard(overrides: Partial<LeaderboardPage> = {}): LeaderboardPage {
  return {
    modelId: 'ontraport',
    entries: [
      {
        contact: 'email:ada@example.com',
        total: 88.5,
        relativePercent: 100,
        tier: 'hot',
        grade: 'A',
        stage: 'sql',
        modelVersion: 3,
        updatedAt: '2025-06-01T09:00:00.000Z',
      },
      {
        contact: 'email:bob@example.com',
        total: 41.25,
        relativePercent: 50,
        tier: 'warm',
        grade: 'C',
        stage: 'mql',
        modelVersion: 3,
        updatedAt: '2025-06-01T07:00:00.000Z',
      },
      {
        contact: 'phone:+4930123456',
        total: 12,
        relativePercent: 14.55,
        tier: 'cold',
        grade: null,
        stage: 'lead',
        modelVersion: 2,
        updatedAt: '2025-05-20T07:00:00.000Z',
      },
    ],
    nextCursor: 'cur_page2',
    partial: false,
    stats: {
      count: 1234,
      top: { contact: 'email:ada@example.com', total: 88.5 },
      median: 41.25,
      min: 0,
      asOf: '2025-06-01T09:00:05.000Z',
    },
    walkStartedAt: '2025-06-01T09:00:05.000Z',
    ...overrides,
  };
}

export const contactScores: ContactScores = {
  contact: 'email:ada@example.com',
  models: [
    {
      modelId: 'ontraport',
      modelVersion: 3,
      liveVersion: 3,
      now: {
        fit: 35,
        engagement: 26.96,
        total: 61.96,
        tier: 'hot',
        grade: 'A',
        at: '2025-06-01T10:00:00.000Z',
      },
      stored: {
        fit: 35,
        engagement: 33,
        total: 68,
        tier: 'hot',
        grade: 'A',
        at: '2025-05-22T10:00:00.000Z',
        sequence: 7,
      },
      stage: 'mql',
      relative: { percent: 77.5, basis: 'stored', statsAsOf: '2025-06-01T09:59:00.000Z' },
      contributions: [
        { ruleId: 'job-title-ceo', kind: 'fit', points: 15, eventId: null },
        { ruleId: 'membership-login', kind: 'engagement', points: 14.71, eventId: 'evt_3', group: 'website' },
        { ruleId: 'pricing-page-view', kind: 'engagement', points: 8.17, eventId: 'evt_2' },
      ],
      sinceLastWrite: [],
      runningAwards: [],
      waitingAbsences: [],
      frequencyCounts: [],
    },
  ],
};

export const history: ContactScoreHistory = {
  contact: 'email:ada@example.com',
  changes: [
    {
      model: 'ontraport',
      modelVersion: 3,
      sequence: 1,
      time: '2025-05-20T10:00:00.000Z',
      cause: 'event',
      causeEventId: 'evt_1',
      fit: 35,
      engagement: 5,
      total: 40,
      previousTotal: null,
      tier: 'warm',
      grade: 'A',
      contributions: [],
    },
    {
      model: 'ontraport',
      modelVersion: 3,
      sequence: 2,
      time: '2025-05-21T03:00:00.000Z',
      cause: 'decay',
      causeEventId: null,
      fit: 35,
      engagement: 4.9,
      total: 39.9,
      previousTotal: 40,
      tier: 'warm',
      grade: 'A',
      contributions: [],
    },
  ],
};

export const timeline: ContactTimeline = {
  contact: 'email:ada@example.com',
  events: [
    {
      id: 'evt_3',
      type: 'web.page_viewed',
      time: '2025-05-22T10:00:00.000Z',
      scores: [{ model: 'ontraport', points: 18, rules: ['membership-login'] }],
    },
    {
      id: 'evt_2',
      type: 'email.clicked',
      time: '2025-05-21T10:00:00.000Z',
      scores: [],
    },
  ],
};

export const lifecycle: ContactLifecycle = {
  contact: 'email:ada@example.com',
  transitions: [
    {
      model: 'ontraport',
      from: 'lead',
      to: 'mql',
      kind: 'stage',
      at: '2025-05-22T10:00:01.000Z',
      sequence: 7,
    },
    {
      model: 'ontraport',
      from: 'warm',
      to: 'hot',
      kind: 'tier',
      at: '2025-05-22T10:00:00.500Z',
      sequence: 7,
    },
    {
      model: 'b2b-saas',
      from: 'warm',
      fromName: 'engaged',
      to: 'warm',
      toName: 'evaluating',
      kind: 'tier',
      at: '2025-05-21T10:00:00.000Z',
      sequence: 3,
    },
  ],
  deliveries: [
    {
      webhookId: 'msg_abc',
      subscriptionId: 'wh_0123456789abcdef',
      eventType: 'lead.stage_changed',
      status: 'delivered',
      createdAt: '2025-05-22T10:00:02.000Z',
      deliveredAt: '2025-05-22T10:00:03.000Z',
    },
  ],
};

export function health(overrides: Partial<PipelineHealth> = {}): PipelineHealth {
  return {
    at: '2025-06-01T10:00:00.000Z',
    services: [
      { name: 'ingest', up: true },
      { name: 'scorer', up: false },
    ],
    eventsInPerSecond: 42.5,
    scoresChangedPerSecond: 17.25,
    consumerLag: [{ group: 'scorer', lag: 1520 }],
    deadLetters: { total: 3, perSecond: 0 },
    webhooks: { delivered: 97, failed: 3, successRatio: 0.97 },
    decayRuns: { total: 12, lastAt: '2025-06-01T03:00:00.000Z' },
    ...overrides,
  };
}

/** Page 1 of the accounts of `ontraport`: an MQA with a named tier, a lead without tier or grade. */
export function accountLeaderboard(overrides: Partial<AccountLeaderboardPage> = {}): AccountLeaderboardPage {
  return {
    modelId: 'ontraport',
    entries: [
      {
        account: 'acme.com',
        scores: {
          fit: 30,
          engagement: 45.5,
          total: 75.5,
          tier: 'hot',
          tierName: 'enterprise',
          grade: 'A',
          members: 12,
        },
        relativePercent: 100,
        stage: 'mqa',
        modelVersion: 3,
      },
      {
        account: 'globex',
        scores: { fit: 0, engagement: 20, total: 20, tier: null, grade: null, members: 1 },
        relativePercent: 50,
        stage: 'lead',
        modelVersion: 3,
      },
    ],
    total: 2,
    limit: 50,
    offset: 0,
    ...overrides,
  };
}

/** acme.com under `ontraport` (the mean of its 2 highest members) and `webinar` (a sum). */
export const accountDetail: AccountDetail = {
  account: 'acme.com',
  traits: { name: 'ACME Inc.', industry: 'Software', employees: 250 },
  models: [
    {
      model: { id: 'ontraport', version: 3 },
      scores: {
        fit: 30,
        engagement: 45.5,
        total: 75.5,
        tier: 'hot',
        tierName: 'enterprise',
        grade: 'A',
        members: 3,
      },
      relativePercent: 100,
      stage: 'mqa',
      sequence: 9,
      rollup: { kind: 'topMean', top: 2 },
      explanation: {
        members: [
          { contact: 'email:ada@acme.com', engagement: 60 },
          { contact: 'email:grace@acme.com', engagement: 31 },
          { contact: 'email:alan@acme.com', engagement: 4 },
        ],
        fit: [
          { rule: 'software', points: 20 },
          { rule: 'mid-size', points: 10 },
        ],
      },
    },
    {
      model: { id: 'webinar', version: 1 },
      scores: { fit: 0, engagement: 12, total: 12, tier: 'cold', grade: null, members: 1 },
      relativePercent: null,
      stage: 'lead',
      sequence: 1,
      rollup: { kind: 'sum' },
      explanation: { members: [{ contact: 'email:ada@acme.com', engagement: 12 }], fit: [] },
    },
  ],
};

/** A page of acme.com's members under `model`: one erased (its score gone). */
export function accountMembers(overrides: Partial<AccountMembersPage> = {}): AccountMembersPage {
  return {
    account: 'acme.com',
    modelId: 'ontraport',
    members: [
      { contact: 'email:ada@acme.com', engagement: 60, total: 70, tier: 'hot', grade: 'B' },
      { contact: 'email:gone@acme.com', engagement: 2, total: null, tier: null, grade: null },
    ],
    total: 2,
    limit: 25,
    offset: 0,
    ...overrides,
  };
}

/**
 * A backtest of version 4 of `ontraport` against live version 3: 12 new MQLs (two more than the panel
 * lists), the candidate drawing a line at 70 where the live model draws none, and live one at 60 only.
 */
export function modelBacktest(overrides: Partial<ModelBacktest> = {}): ModelBacktest {
  const line = (threshold: number, precision: number | null, recall: number | null, f1: number | null) => ({
    threshold,
    predictedPositive: 4,
    truePositive: 2,
    falsePositive: 2,
    falseNegative: 1,
    precision,
    recall,
    f1,
  });
  const deciles = (lifts: (number | null)[]) =>
    lifts.map((lift, n) => ({ decile: n + 1, contacts: 10, converted: 2, rate: 0.2, lift }));
  return {
    modelId: 'ontraport',
    period: { from: '2025-04-01T00:00:00.000Z', until: '2025-06-01T08:00:00.000Z' },
    contacts: 120,
    truncated: false,
    moved: { tier: 17, grade: 9, stage: 13 },
    newMql: {
      count: 12,
      first: Array.from({ length: 12 }, (_, n) => ({
        contact: `email:lead${n + 1}@example.com`,
        at: `2025-05-${String(n + 10).padStart(2, '0')}T09:00:00.000Z`,
      })),
    },
    lostMql: { count: 2, first: ['email:old1@example.com', 'email:old2@example.com'] },
    live: {
      model: { id: 'ontraport', version: 3 },
      tiers: { warm: 40, hot: 10, none: 70 },
      stages: { lead: 100, recycled: 3, mql: 15, sql: 2 },
      outcomes: {
        known: 30,
        converted: 6,
        rocAuc: 0.712,
        byTier: [],
        thresholds: [line(30, 0.25, 0.5, 0.333), line(60, 0.5, 0.25, 0.333)],
        deciles: deciles([1.5, 1.2, 1, 0.8, 0.5, 0.5, 0.5, 0.5, 0.5, null]),
      },
    },
    candidate: {
      model: { id: 'ontraport', version: 4 },
      tiers: { warm: 45, hot: 20, none: 55 },
      stages: { lead: 88, recycled: 3, mql: 27, sql: 2 },
      outcomes: {
        known: 30,
        converted: 6,
        rocAuc: 0.84,
        byTier: [],
        thresholds: [line(30, 0.3, 0.75, 0.429), line(70, 0.6, 0.5, 0.545)],
        deciles: deciles([2.5, 1.75, 1.25, 0.8, 0.5, 0.5, 0.5, 0.5, 0.5, null]),
      },
    },
    ...overrides,
  };
}
