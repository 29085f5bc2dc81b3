/** What replaces a secret's value (the same marker the logs use). */
export const REDACTED = '[redacted]';

/**
 * Key names that hold secrets, lower-cased with `-` and `_` removed. A key is secret when its
 * normalised name ends with one of them, so `accessToken`, `client_secret`, `X-Api-Key` and
 * `dbPassword` are caught while `tokenId` or `tokenHash` (which identify, not authenticate) are kept.
 */
const SECRET_SUFFIXES = ['token', 'secret', 'password', 'passwd', 'passphrase', 'authorization', 'apikey', 'credential', 'credentials', 'privatekey'];

export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_]/g, '');
  return SECRET_SUFFIXES.some((suffix) => normalised.endsWith(suffix));
}

/**
 * A deep copy of `value` as plain JSON (what the database stores and the hash covers: dates become
 * ISO strings, undefined members disappear, bigints become strings) with the value of every
 * secret key, at any depth, replaced by `[redacted]`.
 */
export function redact(value: unknown): unknown {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value, (key, member: unknown) => {
    if (key !== '' && isSecretKey(key)) return REDACTED;
    return typeof member === 'bigint' ? member.toString() : member;
  });
  return json === undefined ? undefined : JSON.parse(json);
}
