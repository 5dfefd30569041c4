import { uuid } from './ids.js';

const NAME = 'ls_aid';
const ONE_YEAR_SECONDS = 31_536_000;
const WELL_FORMED = /^[\w-]{8,64}$/;

let current: string | undefined;

function fromCookie(): string | undefined {
  return new RegExp(`(?:^|;\\s*)${NAME}=([^;]+)`).exec(document.cookie)?.[1];
}

function fromStorage(): string | undefined {
  try {
    return localStorage.getItem(NAME) ?? undefined;
  } catch {
    return undefined; // storage disabled
  }
}

function setCookie(value: string, maxAge: number): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${NAME}=${value}; Max-Age=${maxAge}; Path=/; SameSite=Lax${secure}`;
}

/**
 * The visitor's anonymous id: a first-party cookie of the page's host (`ls_aid`, a year, renewed at
 * each page load), mirrored in localStorage, which is the fallback when cookies are refused.
 * Created only when something is sent (never before consent, never under Do Not Track).
 */
export function anonymousId(): string {
  if (current) return current;
  const found = [fromCookie(), fromStorage()].find((id) => id !== undefined && WELL_FORMED.test(id));
  current = found ?? uuid();
  setCookie(current, ONE_YEAR_SECONDS);
  try {
    localStorage.setItem(NAME, current);
  } catch {
    // storage disabled: the cookie alone
  }
  return current;
}

/** Consent withdrawn: the id is deleted from the cookie and the storage. */
export function forgetAnonymousId(): void {
  current = undefined;
  setCookie('', 0);
  try {
    localStorage.removeItem(NAME);
  } catch {
    // storage disabled
  }
}
