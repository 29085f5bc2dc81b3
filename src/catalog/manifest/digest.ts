import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';

export function manifestDigest(manifest: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(manifest)).digest('hex')}`;
}
