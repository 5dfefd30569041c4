import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CommandError } from './api-client.js';
import { ExitCode } from './exit-codes.js';

export interface ModelFile {
  readonly file: string;
  readonly text: string;
  readonly format: 'yaml' | 'json';
  /** The media type the api takes it as. */
  readonly contentType: string;
}

/** Reads a model file; its extension says its format (the api takes the same two). */
export async function readModelFile(file: string): Promise<ModelFile> {
  const extension = extname(file).toLowerCase();
  const format =
    extension === '.yaml' || extension === '.yml' ? 'yaml' : extension === '.json' ? 'json' : undefined;
  if (!format) throw new CommandError(ExitCode.usage, `${file}: a model file ends in .yaml, .yml or .json`);
  try {
    const text = await readFile(file, 'utf8');
    return { file, text, format, contentType: format === 'yaml' ? 'application/yaml' : 'application/json' };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new CommandError(ExitCode.notFound, `${file}: ${reason}`);
  }
}
