import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findManifestFiles, readManifestFile, splitDocuments } from './manifest-files';
import { UsageError } from './usage';

describe('findManifestFiles', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'gatehouse-files-'));
    for (const file of ['b.yaml', 'a.yml', 'c.json', 'notes.txt', 'README.md', 'nested/deeper/z.yaml', 'nested/m.YAML', '.hidden/x.yaml', '.swap.yaml']) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), 'a: 1\n');
    }
    await symlink(join(root, 'b.yaml'), join(root, 'link.yaml'));
    await symlink(root, join(root, 'nested', 'loop'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('walks a folder recursively for yaml, yml and json, sorted, skipping hidden entries and folder links', async () => {
    const files = await findManifestFiles([root], '/');
    expect(files.map((f) => f.path.slice(root.length + 1))).toEqual(['a.yml', 'b.yaml', 'c.json', 'link.yaml', 'nested/deeper/z.yaml', 'nested/m.YAML']);
  });

  it('resolves relative paths against cwd and keeps them relative for display', async () => {
    const files = await findManifestFiles(['nested/', 'b.yaml'], root);
    expect(files).toEqual([
      { path: 'nested/deeper/z.yaml', absolute: join(root, 'nested/deeper/z.yaml') },
      { path: 'nested/m.YAML', absolute: join(root, 'nested/m.YAML') },
      { path: 'b.yaml', absolute: join(root, 'b.yaml') },
    ]);
  });

  it('takes a file named explicitly whatever its extension, and lists a file reached twice once', async () => {
    const files = await findManifestFiles(['notes.txt', '.', 'a.yml'], root);
    expect(files.map((f) => f.path)).toEqual(['notes.txt', 'a.yml', 'b.yaml', 'c.json', 'link.yaml', 'nested/deeper/z.yaml', 'nested/m.YAML']);
  });

  it('refuses a path that does not exist as a usage error', async () => {
    await expect(findManifestFiles(['missing/'], root)).rejects.toThrow(new UsageError('no such file or folder: missing/'));
  });

  it('reports an unreadable file as that file failing', async () => {
    const result = await readManifestFile({ path: 'nested', absolute: join(root, 'nested') });
    expect(result).toEqual({ ok: false, file: 'nested', problem: expect.stringMatching(/^cannot read the file: EISDIR/) });
  });
});

describe('splitDocuments', () => {
  it('splits on ---, numbering manifests and skipping empty documents', () => {
    const text = '# header\na: 1\n---\n# only a comment\n---\n\nb: 2\n---\n';
    expect(splitDocuments('p.yaml', text)).toEqual({
      ok: true,
      documents: [
        { file: 'p.yaml', index: 1, count: 2, line: 2, body: { a: 1 } },
        { file: 'p.yaml', index: 2, count: 2, line: 7, body: { b: 2 } },
      ],
    });
  });

  it('reads JSON', () => {
    expect(splitDocuments('p.json', '{"metadata": {"name": "x"}}')).toMatchObject({ ok: true, documents: [{ body: { metadata: { name: 'x' } } }] });
  });

  it('finds no manifest in an empty file', () => {
    expect(splitDocuments('p.yaml', '')).toEqual({ ok: true, documents: [] });
  });

  it('fails the whole file on a syntax error, naming line and column', () => {
    expect(splitDocuments('p.yaml', 'a: 1\n---\nmetadata:\n  name: x\n\ttitle: y\n')).toEqual({
      ok: false,
      file: 'p.yaml',
      problem: 'invalid YAML at line 5, column 1: Tabs are not allowed as indentation',
    });
  });

  it('refuses duplicate keys, which YAML silently resolves elsewhere', () => {
    expect(splitDocuments('p.yaml', 'a: 1\na: 2\n')).toMatchObject({ ok: false, problem: expect.stringMatching(/line 2.*unique/i) });
  });

  it('refuses alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    expect(splitDocuments('p.yaml', bomb)).toMatchObject({ ok: false, problem: expect.stringMatching(/^invalid YAML: .*alias/i) });
  });
});
