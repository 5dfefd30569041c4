import { Body, Controller, Headers, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import {
  outcomeRecordedSchema,
  recordOutcomeRequestSchema,
  type OutcomeRecorded,
  type RecordOutcomeRequest,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { bodyValidator } from '../http/request-body.js';
import { Documented } from '../openapi/route-doc.js';
import { RecordOutcome } from '../usecases/record-outcome.usecase.js';

const parseOutcome = bodyValidator<RecordOutcomeRequest>(
  recordOutcomeRequestSchema,
  '{"type": "won", "amount": 12000, "currency": "EUR"}',
);

/** draft-ietf-httpapi-idempotency-key-header: a string, sent bare (as most clients do) or quoted (sf-string). */
const IDEMPOTENCY_KEY = /^[\x21-\x7E](?:[\x20-\x7E]{0,253}[\x21-\x7E])?$/;

function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const bare = /^"(.*)"$/s.exec(header)?.[1] ?? header;
  if (!IDEMPOTENCY_KEY.test(bare))
    fail(
      'invalid-request',
      'Idempotency-Key: expected 1–255 printable ASCII characters, e.g. a UUID made once per outcome and sent again with each retry of it.',
      [{ field: 'Idempotency-Key', expected: '1–255 printable ASCII characters' }],
    );
  return bare;
}

/**
 * POST /v1/contacts/{contact}/outcomes: sales accepted or rejected a contact, it converted, its deal
 * was won or lost. A secret key with `events:write` may already send the same facts as events through
 * ingest (`contact.updated` with `sales_accepted`), so that scope is enough here too; `admin` also is.
 */
@Controller('v1/contacts/:contact/outcomes')
@UseGuards(ApiKeyGuard)
export class OutcomesController {
  constructor(@Inject(RecordOutcome) private readonly recordOutcome: RecordOutcome) {}

  @Post()
  @HttpCode(202)
  @RequireAnyScope('admin', 'events:write')
  @Documented({
    summary:
      "Record a contact's outcome: sales accepted or rejected it, it converted, its deal was won or lost",
    description:
      'Publishes one `outcome.<type>` CloudEvent on leads.events.v1 (keyed `<workspace>:<contact>`, like every event of the contact) and answers 202 once Kafka acknowledged it. `sales_accepted` moves the contact to SQL in every model (the threshold service), `sales_rejected` hands it back to its score; outcomes change no score. Send an `Idempotency-Key` header: a retry with the same key gets the same event id and counts once. Needs a secret key with `events:write`, or `admin`.',
    tag: 'contacts',
    body: recordOutcomeRequestSchema,
    parameters: [
      {
        name: 'contact',
        in: 'path',
        required: true,
        description:
          'The contact key, normalised as ingest does: `email:<address>`, `phone:<E.164, with country code>`, `user:<id>` or `anon:<id>` (percent-encode `/`, `?`, `#`).',
        schema: { type: 'string', pattern: '^(email|phone|user|anon):.+$', maxLength: 320 },
      },
    ],
    responses: {
      202: { description: 'Kafka acknowledged the outcome event.', schema: outcomeRecordedSchema },
      503: {
        description:
          'Kafka did not acknowledge the event: nothing was recorded; retry after `Retry-After` seconds with the same Idempotency-Key',
      },
    },
  })
  record(
    @AuthenticatedCaller() caller: Caller,
    @Param('contact') contact: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: unknown,
  ): Promise<OutcomeRecorded> {
    if (caller.kind === 'publishable')
      fail(
        'forbidden',
        'Outcomes need a secret key (server to server): a publishable key sits in web pages, where anyone can read it.',
      );
    const key = idempotencyKeyOf(idempotencyKey);
    return this.recordOutcome.execute(caller, { contact, idempotencyKey: key, body: parseOutcome(body) });
  }
}
