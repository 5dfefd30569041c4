import { isIP } from 'node:net';
import { z } from 'zod';
import { defineEnvVar, envVarMeta, type EnvVarSchema } from './env-var.js';

/**
 * Builders for the kinds of variable the services take. Each one knows how to parse its text, the
 * form to quote when the text is wrong, and its default; add a kind here rather than hand-writing
 * zod in a service schema, so docs and error messages stay uniform.
 */

interface Described {
  readonly description: string;
}

const DIGITS = /^[0-9]+$/;
const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const IPV4 =
  /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;
const BRACKETED_IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

function isPort(text: string): boolean {
  if (!DIGITS.test(text)) return false;
  const value = Number(text);
  return value >= 1 && value <= 65535;
}

function isHost(text: string): boolean {
  return HOSTNAME.test(text) || IPV4.test(text) || BRACKETED_IPV6.test(text);
}

function isHostPort(entry: string): boolean {
  const colon = entry.lastIndexOf(':');
  if (colon <= 0) return false;
  return isHost(entry.slice(0, colon)) && isPort(entry.slice(colon + 1));
}

function isUrlWithProtocol(text: string, protocols: readonly string[]): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return protocols.includes(url.protocol) && url.hostname !== '';
}

/** Any non-empty text. */
function string(
  options: Described & { readonly default?: string; readonly expected?: string },
): EnvVarSchema<string> {
  return defineEnvVar(z.string().min(1), {
    description: options.description,
    expected: options.expected ?? 'a non-empty string',
    default: options.default,
    secret: false,
    optional: false,
  });
}

/** A filesystem path, relative to the working directory or absolute. */
function path(options: Described & { readonly default?: string }): EnvVarSchema<string> {
  return defineEnvVar(z.string().min(1), {
    description: options.description,
    expected: 'a filesystem path',
    default: options.default,
    secret: false,
    optional: false,
  });
}

/** `host:port[,host:port...]`, parsed into a list; spaces around commas are allowed. */
function hostPortList(options: Described & { readonly default?: string }): EnvVarSchema<string[]> {
  const schema = z
    .string()
    .transform((text) => text.split(',').map((entry) => entry.trim()))
    .refine((entries) => entries.every(isHostPort));
  return defineEnvVar(schema, {
    description: options.description,
    expected: 'host:port[,host:port...]',
    default: options.default,
    secret: false,
    optional: false,
  });
}

/** An IPv4/IPv6 address, or a CIDR range of one (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `address[/prefix][,...]`, parsed into a list; empty = none. Spaces around commas are allowed. */
function addressRangeList(options: Described & { readonly default?: string }): EnvVarSchema<string[]> {
  const schema = z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    )
    .refine((entries) => entries.every(isAddressOrRange));
  return defineEnvVar(schema, {
    description: options.description,
    expected: 'IP addresses or CIDR ranges, comma-separated (e.g. 10.0.0.0/8,127.0.0.1), or empty',
    default: options.default,
    secret: false,
    optional: false,
  });
}

/** An absolute URL with one of `protocols` (each with its trailing colon, as `URL.protocol` has it). */
function url(
  options: Described & {
    readonly protocols: readonly string[];
    /** Shown in the expected form, e.g. `postgres://user:password@host:5432/database`. */
    readonly example: string;
    readonly default?: string;
    /** URLs that may carry a password (DATABASE_URL) are secret: never echoed. */
    readonly secret?: boolean;
  },
): EnvVarSchema<string> {
  const schemes = options.protocols.map((p) => `${p}//`).join(' or ');
  return defineEnvVar(
    z.string().refine((text) => isUrlWithProtocol(text, options.protocols)),
    {
      description: options.description,
      expected: `a ${schemes} URL such as ${options.example}`,
      default: options.default,
      secret: options.secret ?? false,
      optional: false,
    },
  );
}

/** A name for one entry of a `name=url` list: a lowercase word (e.g. a service name, `ingest-2`). */
const ENTRY_NAME = /^[a-z][a-z0-9_-]*$/;

/**
 * `name=url[,name=url...]`, each URL with one of `protocols`, names unique; parsed into a list of
 * `{ name, url }` in the order written. Spaces around commas and `=` are allowed.
 */
function namedUrlList(
  options: Described & {
    readonly protocols: readonly string[];
    /** Shown in the expected form, e.g. `ingest=http://ingest:3001/metrics`. */
    readonly example: string;
    readonly default?: string;
  },
): EnvVarSchema<{ readonly name: string; readonly url: string }[]> {
  const schema = z
    .string()
    .transform((text) =>
      text.split(',').map((entry) => {
        const equals = entry.indexOf('=');
        return { name: entry.slice(0, Math.max(equals, 0)).trim(), url: entry.slice(equals + 1).trim() };
      }),
    )
    .refine(
      (entries) =>
        entries.every(
          ({ name, url }) => ENTRY_NAME.test(name) && isUrlWithProtocol(url, options.protocols),
        ) && new Set(entries.map(({ name }) => name)).size === entries.length,
    );
  const schemes = options.protocols.map((p) => `${p}//`).join(' or ');
  return defineEnvVar(schema, {
    description: options.description,
    expected: `name=URL[,name=URL...] with distinct lowercase names and ${schemes} URLs, such as ${options.example}`,
    default: options.default,
    secret: false,
    optional: false,
  });
}

/** A TCP port, 1-65535. */
function port(options: Described & { readonly default: number }): EnvVarSchema<number> {
  return defineEnvVar(z.string().refine(isPort).transform(Number), {
    description: options.description,
    expected: 'a TCP port (1-65535)',
    default: String(options.default),
    secret: false,
    optional: false,
  });
}

/** A host name, an IPv4 address or a bracketed IPv6 address. */
function host(options: Described & { readonly default: string }): EnvVarSchema<string> {
  return defineEnvVar(z.string().refine(isHost), {
    description: options.description,
    expected: 'a host name or IP address (0.0.0.0 listens on every interface)',
    default: options.default,
    secret: false,
    optional: false,
  });
}

/** A whole number in [min, max], written in plain decimal digits. */
function integer(
  options: Described & { readonly default: number; readonly min: number; readonly max: number },
): EnvVarSchema<number> {
  const schema = z
    .string()
    .refine((text) => DIGITS.test(text) || /^-[0-9]+$/.test(text))
    .transform(Number)
    .refine((value) => Number.isSafeInteger(value) && value >= options.min && value <= options.max);
  return defineEnvVar(schema, {
    description: options.description,
    expected: `an integer from ${options.min} to ${options.max}`,
    default: String(options.default),
    secret: false,
    optional: false,
  });
}

/** One of a closed list of words. */
function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  options: Described & { readonly default: T[number] },
): EnvVarSchema<T[number]> {
  return defineEnvVar(z.enum(values), {
    description: options.description,
    expected: `one of ${values.join('|')}`,
    default: options.default,
    secret: false,
    optional: false,
  });
}

/**
 * A secret (signing key, password). Never echoed. Without `developmentDefault` it must always be set;
 * with it, the local stack runs unconfigured while NODE_ENV=production still demands a real value.
 */
function secret(
  options: Described & { readonly minLength: number; readonly developmentDefault?: string },
): EnvVarSchema<string> {
  return defineEnvVar(z.string().min(options.minLength), {
    description: options.description,
    expected: `a random string of at least ${options.minLength} characters`,
    developmentDefault: options.developmentDefault,
    secret: true,
    optional: false,
  });
}

/**
 * A secret key of exactly `bytes` random bytes, written in base64 (e.g. an AES-256 key); kept as its
 * text (the service decodes it). Never echoed; `developmentDefault` as for `secret`.
 */
function secretKey(
  options: Described & { readonly bytes: number; readonly developmentDefault?: string },
): EnvVarSchema<string> {
  const schema = z
    .string()
    .refine(
      (text) => /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, 'base64').length === options.bytes,
    );
  return defineEnvVar(schema, {
    description: options.description,
    expected: `${options.bytes} random bytes in base64 (make them with: openssl rand -base64 ${options.bytes})`,
    developmentDefault: options.developmentDefault,
    secret: true,
    optional: false,
  });
}

/** Secret keys of exactly `bytes` random bytes each, in base64, separated by commas; unset = none. */
function secretKeyList(options: Described & { readonly bytes: number }): EnvVarSchema<string[]> {
  const schema = z
    .string()
    .optional()
    .transform((text) =>
      (text ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    )
    .refine((keys) =>
      keys.every(
        (key) => /^[A-Za-z0-9+/]+={0,2}$/.test(key) && Buffer.from(key, 'base64').length === options.bytes,
      ),
    );
  return defineEnvVar(schema, {
    description: options.description,
    expected: `${options.bytes} random bytes in base64 each, separated by commas`,
    default: undefined,
    secret: true,
    optional: true,
  });
}

/** The same variable, but unset means `undefined` instead of an error. */
function optional<T>(variable: EnvVarSchema<T>): EnvVarSchema<T | undefined> {
  const meta = envVarMeta(variable);
  if (!meta) throw new Error('env.optional() takes a variable built with env.*');
  return defineEnvVar(variable.optional(), { ...meta, default: undefined, optional: true });
}

export const env = {
  string,
  path,
  hostPortList,
  addressRangeList,
  url,
  namedUrlList,
  port,
  host,
  integer,
  oneOf,
  secret,
  secretKey,
  secretKeyList,
  optional,
};
