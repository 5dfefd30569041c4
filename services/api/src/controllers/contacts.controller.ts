import { Controller, Delete, Get, HttpCode, Inject, Param, Query, UseGuards } from '@nestjs/common';
import {
  contactErasedSchema,
  contactExportSchema,
  contactScoresSchema,
  type ContactErased,
  type ContactExport,
  type ContactScores,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { Documented, type ParameterDoc } from '../openapi/route-doc.js';
import { EraseContact } from '../usecases/erase-contact.usecase.js';
import { ExportContact } from '../usecases/export-contact.usecase.js';
import { ReadContactScores } from '../usecases/read-contact-scores.usecase.js';

const CONTACT_PARAMETER: ParameterDoc = {
  name: 'contact',
  in: 'path',
  description:
    'A contact key: email:ada@example.com, phone:+14155550100 (national numbers read in the workspace’s default country), user:<id> or anon:<id>; percent-encoded',
  schema: { type: 'string', minLength: 1 },
};

/** The lookups GET /v1/contacts answers, and the contact-key prefix each one means. */
const LOOKUPS = { email: 'email', phone: 'phone', userId: 'user' } as const;

/**
 * GET /v1/contacts/{contact} and GET /v1/contacts?email=|phone=|userId=: a contact's scores and why (admin
 * or read); DELETE /v1/contacts/{contact} and GET /v1/contacts/{contact}/export: erasure and the right of
 * access (admin).
 */
@Controller('v1/contacts')
@UseGuards(ApiKeyGuard)
export class ContactsController {
  constructor(
    @Inject(ReadContactScores) private readonly readContactScores: ReadContactScores,
    @Inject(EraseContact) private readonly eraseContact: EraseContact,
    @Inject(ExportContact) private readonly exportContact: ExportContact,
  ) {}

  @Get(':contact')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'contacts',
    summary: 'A contact’s scores under every model, as of now and as stored, and why',
    description:
      '`now` applies decay, expiry, absences and inactivity due by the time of the request (decay is analytic, so this is exact); `stored` is what the last event or decay pass published, with its sequence. `contributions` lists every rule with points now; `sinceLastWrite` what came due since `stored` was written.',
    parameters: [CONTACT_PARAMETER],
    responses: { 200: { description: 'The contact’s scores', schema: contactScoresSchema } },
  })
  read(@AuthenticatedCaller() caller: Caller, @Param('contact') contact: string): Promise<ContactScores> {
    return this.readContactScores.execute(caller, contact);
  }

  @Get()
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'contacts',
    summary: 'Look a contact up by email, phone or user id: its scores under every model, and why',
    description:
      'The same answer as GET /v1/contacts/{contact}, for the contact key the one given identifier makes (email:…, phone:… read in the workspace’s default country, user:…), normalised as ingest normalises it.',
    parameters: [
      {
        name: 'email',
        in: 'query',
        description: 'An email address',
        schema: { type: 'string', minLength: 3, maxLength: 320 },
      },
      {
        name: 'phone',
        in: 'query',
        description: 'A phone number (E.164, or national in the workspace’s default country)',
        schema: { type: 'string', minLength: 3, maxLength: 64 },
      },
      {
        name: 'userId',
        in: 'query',
        description: 'Your user id',
        schema: { type: 'string', minLength: 1, maxLength: 256 },
      },
    ],
    responses: {
      200: { description: 'The contact’s scores', schema: contactScoresSchema },
      404: {
        description: 'No model has scored a contact with this identifier in the caller’s workspace (yet)',
      },
    },
  })
  lookUp(
    @AuthenticatedCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
  ): Promise<ContactScores> {
    const given = (Object.keys(LOOKUPS) as (keyof typeof LOOKUPS)[]).filter(
      (name) => query[name] !== undefined,
    );
    const [name] = given;
    const value = name === undefined ? undefined : query[name];
    if (given.length !== 1 || name === undefined || typeof value !== 'string' || value.trim() === '')
      fail(
        'invalid-request',
        'Give exactly one of ?email=, ?phone= or ?userId= (e.g. /v1/contacts?email=ada@example.com), or read a contact by its key at /v1/contacts/{contact}.',
        [{ field: '?email|?phone|?userId', expected: 'exactly one, not empty' }],
      );
    return this.readContactScores.execute(caller, `${LOOKUPS[name]}:${value}`, {
      field: `?${name}`,
      words: `made from ?${name}`,
    });
  }

  @Delete(':contact')
  @HttpCode(200)
  @RequireAnyScope('admin')
  @Documented({
    tag: 'contacts',
    summary: 'Erase a contact everywhere, and keep it erased (GDPR, CCPA)',
    description:
      'Empties every PostgreSQL store of the contact (scores, leaderboard, profile, lifecycle, webhook deliveries; audit rows then name a hash instead), leaves a tombstone (a hash of the key) that keeps its events and changes still in flight or replayed from coming back, records the audit row `contact.erased` and publishes `contact.erased` on leads.events.v1; the archive erases the contact when the analytics service reaches that event. Events dated after `erasedAt` (a new consent) start a new contact. 503 and nothing erased when Kafka does not acknowledge; repeating is harmless.',
    parameters: [CONTACT_PARAMETER],
    responses: {
      200: { description: 'Erased', schema: contactErasedSchema },
      503: { description: 'Kafka did not acknowledge the contact.erased event: nothing is erased; retry' },
    },
  })
  erase(@AuthenticatedCaller() caller: Caller, @Param('contact') contact: string): Promise<ContactErased> {
    return this.eraseContact.execute(caller, contact);
  }

  @Get(':contact/export')
  @RequireAnyScope('admin')
  @Documented({
    tag: 'contacts',
    summary: 'Everything held about a contact, as one document (the right of access)',
    description:
      'Profile, scores under every model with their explanation, lifecycle, webhook deliveries with what was sent, audit rows naming it, and from the archive its events, score changes and transitions. Empty parts where nothing is held.',
    parameters: [CONTACT_PARAMETER],
    responses: {
      200: { description: 'The contact’s data', schema: contactExportSchema },
      503: { description: 'The analytics service (the archive) does not answer: no partial export is given' },
    },
  })
  export(@AuthenticatedCaller() caller: Caller, @Param('contact') contact: string): Promise<ContactExport> {
    return this.exportContact.execute(caller, contact);
  }
}
