import { type EnvSchema } from './env-schema.js';
import { envVarMeta } from './env-var.js';

/** One variable as docs and deployment checks see it. Secret defaults are never included. */
export interface ConfigVariable {
  readonly name: string;
  readonly description: string;
  /** The form a valid value takes. */
  readonly expected: string;
  /** Used when unset; `undefined` when there is none (required, optional, or a secret). */
  readonly default: string | undefined;
  readonly secret: boolean;
  /** `always`: no default; `production`: only the local stack has a default; `never`: has a default or is optional. */
  readonly required: 'always' | 'production' | 'never';
}

/** Every variable of a schema, in declaration order. */
export function describeConfig(schema: EnvSchema): ConfigVariable[] {
  return Object.entries(schema.shape).map(([name, variable]) => {
    const meta = envVarMeta(variable);
    if (!meta) throw new Error(`${name}: not declared with env.*; build the schema with envSchema()`);
    const hasDefault = meta.default !== undefined || meta.optional;
    return {
      name,
      description: meta.description,
      expected: meta.expected,
      default: meta.secret ? undefined : meta.default,
      secret: meta.secret,
      required: hasDefault ? 'never' : meta.developmentDefault !== undefined ? 'production' : 'always',
    };
  });
}

/** The variable names of a schema, in declaration order. */
export function configVariableNames(schema: EnvSchema): string[] {
  return Object.keys(schema.shape);
}

/** A Markdown table of a schema's variables, for READMEs. */
export function configMarkdownTable(schema: EnvSchema): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const rows = describeConfig(schema).map((v) => {
    const fallback =
      v.default !== undefined
        ? `\`${v.default}\``
        : v.required === 'never'
          ? '(unset)'
          : `required${v.required === 'production' ? ' in production' : ''}`;
    return `| \`${v.name}\` | ${cell(fallback)} | ${cell(v.description)}${v.secret ? ' (secret)' : ''} | ${cell(v.expected)} |`;
  });
  return ['| variable | default | description | expected |', '|---|---|---|---|', ...rows].join('\n');
}
