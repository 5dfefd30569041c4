import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { contactScoresSchema, type ContactScores } from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { Documented } from '../openapi/route-doc.js';
import { ReadContactScores } from '../usecases/read-contact-scores.usecase.js';

/** The lookups GET /v1/contacts answers, and the contact-key prefix each one means. */
const LOOKUPS = { email: 'email', phone: 'phone', userId: 'user' } as const;

/** GET /v1/contacts/{contact} and GET /v1/contacts?email=|phone=|userId=: a contact's scores and why (admin or read). */
@Controller('v1/contacts')
@UseGuards(ApiKeyGuard)
export class ContactsController {
  constructor(@Inject(ReadContactScores) private readonly readContactScores: ReadContactScores) {}

  @Get(':contact')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'contacts',
    summary: 'A contact’s scores under every model, as of now and as stored, and why',
    description:
      '`now` applies decay, expiry, absences and inactivity due by the time of the request (decay is analytic, so this is exact); `stored` is what the last event or decay pass published, with its sequence. `contributions` lists every rule with points now; `sinceLastWrite` what came due since `stored` was written.',
    parameters: [
      {
        name: 'contact',
        in: 'path',
        description:
          'A contact key: email:ada@example.com, phone:+14155550100 (national numbers read in the workspace’s default country), user:<id> or anon:<id>; percent-encoded',
        schema: { type: 'string', minLength: 1 },
      },
    ],
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
}
