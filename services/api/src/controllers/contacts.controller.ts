import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { contactScoresSchema, type ContactScores } from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { Documented } from '../openapi/route-doc.js';
import { ReadContactScores } from '../usecases/read-contact-scores.usecase.js';

/** GET /v1/contacts/{contact}: a contact's scores and why (admin or read). */
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
}
