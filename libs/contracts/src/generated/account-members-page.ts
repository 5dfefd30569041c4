/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/account-members-page.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/models/{id}/accounts/{account}/members: one page of an account's members under a model, highest engagement first (ties by contact key), with the scores each member last published.
 */
export interface AccountMembersPage {
  account: string;
  modelId: string;
  members: AccountMemberEntry[];
  /**
   * The account's members under the model.
   */
  total: number;
  limit: number;
  offset: number;
}
export interface AccountMemberEntry {
  /**
   * The member contact's key.
   */
  contact: string;
  /**
   * The member's engagement as the account rolled it up (its last published engagement).
   */
  engagement: number;
  /**
   * The member's last published total; null when its score is gone (erased).
   */
  total: number | null;
  tier: 'cold' | 'warm' | 'hot' | null;
  grade: string | null;
}
