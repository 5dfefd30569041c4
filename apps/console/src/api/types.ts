// The api's bodies: the types generated from schemas/api/ into @leadscore/contracts, never written
// again here. Type-only imports: erased at build, nothing of that package reaches the bundle.
import type {
  AccountDetail,
  AccountLeaderboardEntry,
  ConsoleInvitation,
  ConsoleSession,
  ConsoleUser,
  ConsoleUserList,
  ContactLifecycleLog,
  ContactModelScore,
  ContactScoreHistory,
  ContactTimeline,
  CreateWebhookRequest,
  LeaderboardEntry,
  WebhookDelivery,
} from '@leadscore/contracts';

export type {
  AcceptInvitationRequest,
  AccountDetail,
  AccountLeaderboardEntry,
  AccountLeaderboardPage,
  AccountMemberEntry,
  AccountMembersPage,
  AccountModelScores,
  AccountScores,
  ApiKey,
  ContactErased,
  ContactModelScore,
  ContactScoreHistory,
  ContactScores,
  ContactTimeline,
  CreateKeyRequest,
  CreateWebhookRequest,
  InvalidModelProblem,
  InvitationCreated,
  InviteUserRequest,
  KeyCreated,
  KeyList,
  LeaderboardEntry,
  LeaderboardPage,
  ModelApplied,
  ModelBacktest,
  ModelDiff,
  ModelFieldChange,
  ModelIssueDetail,
  ModelList,
  ModelValidation,
  ModelVersion,
  ModelVersionDetail,
  PipelineHealth,
  Problem,
  ScoreStats,
  SignInRequest,
  UpdateUserRequest,
  WebhookCreated,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookList,
  WebhookPingResult,
  WebhookReplayResult,
  WebhookSubscription,
} from '@leadscore/contracts';

export type Tier = NonNullable<LeaderboardEntry['tier']>;
export type Stage = LeaderboardEntry['stage'];
export type ScoreChange = ContactScoreHistory['changes'][number];
export type ScoreCause = ScoreChange['cause'];
export type TimelineEvent = ContactTimeline['events'][number];
export type Contribution = ContactModelScore['contributions'][number];
export type PredictiveContribution = NonNullable<ContactModelScore['predictiveContributions']>[number];
export type WebhookEvent = CreateWebhookRequest['events'][number];
export type DeliveryStatus = WebhookDelivery['status'];

export type Role = ConsoleUser['role'];
export type User = ConsoleUser;
export type Session = ConsoleSession;
export type Invitation = ConsoleInvitation;
export type UserList = ConsoleUserList;
export type ContactLifecycle = ContactLifecycleLog;
export type LifecycleTransition = ContactLifecycleLog['transitions'][number];
export type LifecycleDelivery = ContactLifecycleLog['deliveries'][number];
export type AccountStage = AccountLeaderboardEntry['stage'];
export type AccountRollup = AccountDetail['models'][number]['rollup'];
export type AccountExplanationMember = AccountDetail['models'][number]['explanation']['members'][number];
export type AccountFitRule = AccountDetail['models'][number]['explanation']['fit'][number];
