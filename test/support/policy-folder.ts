import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/database/project-paths';

/** A policy folder of a test's own: the shipped roles with the promotion gates the test needs. */
export function policyFolder(gatesYaml: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gh-policies-'));
  copyFileSync(join(projectRoot(), 'policies', 'roles.yaml'), join(dir, 'roles.yaml'));
  writeFileSync(join(dir, 'promotion-gates.yaml'), gatesYaml);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
