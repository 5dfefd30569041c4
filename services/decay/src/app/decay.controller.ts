import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  BadRequestException,
  UseGuards,
} from '@nestjs/common';
import { OperatorTokenGuard } from '@leadscore/service-kit';
import { type ModelPassResult } from '../decay/decay-runner.js';
import { DecayRuntime, NotLeaderError, UnknownModelError, type RunRequest } from './decay.runtime.js';

export const DECAY_RUNTIME = Symbol('DECAY_RUNTIME');

function parseRunRequest(body: unknown): RunRequest {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw new BadRequestException(
      'Expected a JSON object such as {"workspace": "acme", "model": "ontraport", "at": "2026-01-05T00:00:00Z"} (every field optional).',
    );
  const { workspace, model, at } = body as Record<string, unknown>;
  for (const [name, value] of [
    ['workspace', workspace],
    ['model', model],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || value.length === 0))
      throw new BadRequestException(`"${name}" must be a non-empty string, or left out for every ${name}.`);
  }
  let time: number | undefined;
  if (at !== undefined) {
    time = typeof at === 'string' ? Date.parse(at) : Number.NaN;
    if (!Number.isFinite(time))
      throw new BadRequestException(
        '"at" must be an ISO 8601 time such as "2026-01-05T00:00:00Z", or left out for now.',
      );
  }
  return {
    ...(typeof workspace === 'string' ? { workspace } : {}),
    ...(typeof model === 'string' ? { model } : {}),
    ...(time !== undefined ? { at: time } : {}),
  };
}

/**
 * POST /v1/decay/run: a pass now (or to `at`) of every model, one workspace's, or one model. It acts on
 * every workspace, so it needs the operator token.
 */
@Controller('v1/decay')
@UseGuards(OperatorTokenGuard)
export class DecayController {
  constructor(@Inject(DECAY_RUNTIME) private readonly runtime: DecayRuntime) {}

  @Post('run')
  @HttpCode(200)
  async run(
    @Body() body: unknown,
  ): Promise<{ passes: (Omit<ModelPassResult, 'target'> & { target: string })[] }> {
    const request = parseRunRequest(body);
    try {
      const results = await this.runtime.runNow(request);
      return { passes: results.map((r) => ({ ...r, target: new Date(r.target).toISOString() })) };
    } catch (error) {
      if (error instanceof NotLeaderError) throw new ConflictException(error.message);
      if (error instanceof UnknownModelError) throw new NotFoundException(error.message);
      throw error;
    }
  }
}
