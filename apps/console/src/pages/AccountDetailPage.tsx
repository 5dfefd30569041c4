import type { ColumnDef } from '@tanstack/react-table';
import { Link, useParams } from 'wouter';
import { getAccount, getAccountMembers } from '../api/accounts';
import type {
  AccountFitRule,
  AccountMemberEntry,
  AccountModelScores,
  AccountExplanationMember,
} from '../api/types';
import { AccountStageBadge, AccountTier, countedMember, rollupText } from '../components/AccountScores';
import { Card, Cards } from '../components/Cards';
import { DataTable } from '../components/DataTable';
import { Loaded } from '../components/Loaded';
import { OffsetPager, useOffset } from '../components/Pager';
import { contactHref, decodeSegment, num, text } from '../format';
import { useApi } from '../hooks/useApi';
import { useTitle } from '../hooks/useTitle';

const MEMBERS_PAGE_SIZE = 25;

const contactLink = (contact: string) => <Link href={contactHref(contact)}>{contact}</Link>;

const fitColumns: ColumnDef<AccountFitRule>[] = [
  { id: 'rule', header: 'Account fit rule', accessorKey: 'rule' },
  { id: 'points', header: 'Points', accessorKey: 'points', cell: ({ row }) => num(row.original.points) },
];

const memberColumns: ColumnDef<AccountMemberEntry>[] = [
  {
    id: 'contact',
    header: 'Contact',
    accessorKey: 'contact',
    cell: ({ row }) => contactLink(row.original.contact),
  },
  {
    id: 'engagement',
    header: 'Engagement',
    accessorKey: 'engagement',
    cell: ({ row }) => num(row.original.engagement),
  },
  { id: 'total', header: 'Score', accessorKey: 'total', cell: ({ row }) => num(row.original.total) },
  {
    id: 'tier',
    header: 'Tier',
    accessorFn: (member) => member.tier ?? '',
    cell: ({ row }) =>
      row.original.tier ? (
        <span className={`badge tier-${row.original.tier}`}>{row.original.tier}</span>
      ) : (
        '—'
      ),
  },
  {
    id: 'grade',
    header: 'Grade',
    accessorFn: (member) => member.grade ?? '',
    cell: ({ row }) => text(row.original.grade),
  },
];

const traitText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One model's scores of the account, its stage, how it rolls members up, and why: members and fit rules. */
function AccountModelCard({ scores }: { scores: AccountModelScores }) {
  const { model, rollup, explanation } = scores;
  const s = scores.scores;
  const headingId = `account-model-${model.id}`;
  const explanationColumns: ColumnDef<AccountExplanationMember & { counted: boolean }>[] = [
    {
      id: 'contact',
      header: 'Member',
      accessorKey: 'contact',
      cell: ({ row }) => contactLink(row.original.contact),
    },
    {
      id: 'engagement',
      header: 'Engagement',
      accessorKey: 'engagement',
      cell: ({ row }) => num(row.original.engagement),
    },
    { id: 'counted', header: 'Counted', accessorFn: (member) => (member.counted ? 'yes' : 'no') },
  ];
  return (
    <article className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Model {model.id}</h3>
      <Cards>
        <Card title="Total">{num(s.total)}</Card>
        <Card title="Fit">{num(s.fit)}</Card>
        <Card title="Engagement">{num(s.engagement)}</Card>
        <Card title="Tier">
          <AccountTier scores={s} />
        </Card>
        <Card title="Grade">{text(s.grade)}</Card>
        <Card title="Stage">
          <AccountStageBadge stage={scores.stage} />
        </Card>
        <Card title="Relative">
          {scores.relativePercent === null ? '—' : `${num(scores.relativePercent)} %`}
        </Card>
        <Card title="Members">{num(s.members, 0)}</Card>
      </Cards>
      <p>
        Roll-up: <strong>{rollupText(rollup)}</strong>.
      </p>
      <p className="hint">
        Version {model.version}, change no. {scores.sequence}.
      </p>
      <DataTable
        caption={`Explanation: the highest members under ${model.id}`}
        data={explanation.members.map((member, index) => ({
          ...member,
          counted: countedMember(rollup, index),
        }))}
        columns={explanationColumns}
        getRowId={(member) => member.contact}
        empty="No member has engagement."
      />
      <DataTable
        caption={`Explanation: account fit rules that match under ${model.id}`}
        data={explanation.fit}
        columns={fitColumns}
        getRowId={(rule) => rule.rule}
        empty="No account fit rule matches."
      />
    </article>
  );
}

/** The account's members under one model, highest engagement first, paged. */
function AccountMembers({ account, model }: { account: string; model: string }) {
  const [offset, setOffset] = useOffset(`${account}|${model}`);
  const page = useApi(
    `${account}|${model}|${offset}`,
    (signal) => getAccountMembers(model, account, { limit: MEMBERS_PAGE_SIZE, offset }, signal),
    { keepData: true },
  );
  const headingId = `members-${model}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Members under {model}</h3>
      <Loaded state={page} loading="Loading the members…">
        {(data) => (
          <>
            <DataTable
              caption={`Members of ${account} under ${model}, highest engagement first`}
              hideCaption
              data={data.members}
              columns={memberColumns}
              getRowId={(member) => member.contact}
              empty="No members."
            />
            <OffsetPager
              offset={data.offset}
              limit={data.limit}
              total={data.total}
              shown={data.members.length}
              onChange={setOffset}
              label="members"
            />
          </>
        )}
      </Loaded>
    </section>
  );
}

/** An account: per model its scores, stage, roll-up and explanation; its traits; its members. */
export function AccountDetailPage() {
  const params = useParams<{ account: string }>();
  const account = decodeSegment(params.account);
  useTitle(`Account ${account}`);
  const detail = useApi(`account|${account}`, (signal) => getAccount(account, signal));

  return (
    <>
      <p>
        <Link href="/accounts">← Accounts</Link>
      </p>
      <h1>
        Account <span className="mono">{account}</span>
      </h1>

      <section aria-labelledby="account-scores-heading">
        <h2 id="account-scores-heading">Scores</h2>
        <Loaded state={detail} loading="Loading the account…">
          {(data) =>
            data.models.length === 0 ? (
              <p className="calm">No model scores this account yet.</p>
            ) : (
              data.models.map((scores) => <AccountModelCard key={scores.model.id} scores={scores} />)
            )
          }
        </Loaded>
      </section>

      {detail.data ? (
        <>
          <section aria-labelledby="account-traits-heading">
            <h2 id="account-traits-heading">Traits</h2>
            <DataTable
              caption="The account’s traits (its members’ company traits), as account fit rules read them"
              data={Object.entries(detail.data.traits).map(([name, value]) => ({
                name,
                value: traitText(value),
              }))}
              columns={[
                { id: 'name', header: 'Trait', accessorKey: 'name' },
                { id: 'value', header: 'Value', accessorKey: 'value' },
              ]}
              getRowId={(trait) => trait.name}
              empty="No traits yet."
            />
          </section>

          <section aria-labelledby="account-members-heading">
            <h2 id="account-members-heading">Members</h2>
            {detail.data.models.map((scores) => (
              <AccountMembers key={scores.model.id} account={account} model={scores.model.id} />
            ))}
          </section>
        </>
      ) : null}
    </>
  );
}
