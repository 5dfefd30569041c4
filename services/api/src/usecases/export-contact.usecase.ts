import type { ContactArchive, ContactExport, ContactScores } from '@leadscore/contracts';
import {
  auditLogRepository,
  contactProfileRepository,
  lifecycleStateRepository,
  webhookDeliveryRepository,
} from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { ProblemError, fail } from '../http/problem-details.js';
import { contactKeyOf } from './contact-key.js';
import { ReadContactScores } from './read-contact-scores.usecase.js';

/** Rows of each kind an export holds at most (the archive's own limit is the same order). */
export const EXPORT_ROWS = 10_000;

/**
 * GET /v1/contacts/{contact}/export (the right of access): everything leadscore holds about one contact
 * as one document — profile, scores per model with their explanation, lifecycle, webhook deliveries with
 * their payloads, audit rows naming it, and its events, score changes and transitions from the archive.
 * Needs the analytics service (503 without it: an export missing the archive would look complete); 404
 * when nothing at all is held (another workspace's contact, an erased one).
 */
export class ExportContact {
  private readonly readContactScores: ReadContactScores;

  constructor(private readonly context: ApiContext) {
    this.readContactScores = new ReadContactScores(context);
  }

  async execute(caller: Caller, contactKey: string): Promise<ContactExport> {
    const contact = await contactKeyOf(this.context, caller, contactKey);
    const sql = this.context.dataSource.manager;
    const workspace = caller.workspaceId;
    const [archive, scores, [profile], lifecycle, deliveries, audit] = await Promise.all([
      this.context.archive.get<ContactArchive>(workspace, `/contacts/${encodeURIComponent(contact)}/archive`),
      this.scoresOf(caller, contact),
      contactProfileRepository.loadMany(sql, [{ workspaceId: workspace, contactId: contact }]),
      lifecycleStateRepository.ofContact(sql, workspace, contact),
      webhookDeliveryRepository.ofContact(sql, workspace, contact, EXPORT_ROWS),
      auditLogRepository.ofTarget(sql, workspace, contact, EXPORT_ROWS),
    ]);
    const heldNothing =
      !scores &&
      !profile &&
      lifecycle.length + deliveries.length + audit.length === 0 &&
      archive.events.length + archive.scoreChanges.length + archive.lifecycleChanges.length === 0;
    if (heldNothing)
      fail(
        'not-found',
        `leadscore holds nothing about the contact "${contact}" in this workspace: no profile, score, lifecycle, webhook delivery, audit row or archived event.`,
      );
    return {
      contact,
      exportedAt: this.context.now().toISOString(),
      profile: profile ? { traits: profile.traits, updatedAt: profile.updatedAt.toISOString() } : null,
      scores,
      lifecycle: lifecycle.map((state) => ({
        model: state.modelId,
        stage: state.stage,
        tier: state.tier,
        ...(state.tierName === null ? {} : { tierName: state.tierName }),
        grade: state.grade,
        salesAccepted: state.salesAccepted,
        lastSequence: state.lastSequence,
      })),
      webhookDeliveries: deliveries.map((delivery) => ({
        subscriptionId: delivery.subscriptionId,
        webhookId: delivery.webhookId,
        eventId: delivery.eventId,
        eventType: delivery.eventType,
        status: delivery.status,
        createdAt: delivery.createdAt.toISOString(),
        deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
        payload: delivery.payload as Record<string, unknown>,
      })),
      auditEntries: audit.map((row) => ({
        action: row.action,
        actor: row.actor,
        at: row.at.toISOString(),
        details: row.details,
      })),
      archive,
    };
  }

  /** The contact's scores as GET /v1/contacts/{contact} answers them; null when no model scored it. */
  private async scoresOf(caller: Caller, contact: string): Promise<ContactScores | null> {
    try {
      return await this.readContactScores.execute(caller, contact);
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 404) return null;
      throw error;
    }
  }
}
