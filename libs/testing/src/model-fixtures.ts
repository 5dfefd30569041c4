/**
 * The small model the backtest tests compare versions of (api, CLI): clicks worth `points` each, MQL
 * from a total of 20 (left below 15), tiers warm 10 and hot 30. YAML, as a user would send it.
 */
export function clicksModelSource(version: number, points: number, id = 'clicks'): string {
  return `id: ${id}
version: ${version}
name: Clicks
engagement:
  - { id: click, event: email.clicked, points: ${points} }
tiers: { warm: 10, hot: 30 }
lifecycle:
  mql:
    conditions:
      - { metric: total, enter: 20, exit: 15 }
`;
}
