import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvCell, downloadCsv, toCsv } from './csv';

describe('CSV', () => {
  it('quotes cells with commas, quotes and line breaks (RFC 4180), CRLF line ends', () => {
    expect(
      toCsv([
        ['name', 'note'],
        ['orders', 'a, b'],
        ['say "hi"', 'line1\nline2'],
      ]),
    ).toBe('name,note\r\norders,"a, b"\r\n"say ""hi""","line1\nline2"\r\n');
  });

  it('writes numbers, booleans, dates and empty values', () => {
    expect(toCsv([[1, -2.5, true, false, null, undefined, new Date('2026-01-02T03:04:05Z')]])).toBe('1,-2.5,true,false,,,2026-01-02T03:04:05.000Z\r\n');
  });

  it('guards against formula injection: text starting with = + - @ (or tab, CR) gets a quote', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
    // numbers are data, not formulas
    expect(csvCell(-3)).toBe('-3');
  });

  describe('downloadCsv', () => {
    afterEach(() => vi.useRealTimers());

    it('downloads a UTF-8 CSV blob under the given name', async () => {
      vi.useFakeTimers();
      const blobs: Blob[] = [];
      const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
        blobs.push(b as Blob);
        return 'blob:test';
      });
      const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
      const clicked: HTMLAnchorElement[] = [];
      const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
      downloadCsv('audit', [['a'], ['=1']]);
      expect(create).toHaveBeenCalledOnce();
      expect(click).toHaveBeenCalledOnce();
      expect(clicked[0]!.download).toBe('audit.csv');
      expect(clicked[0]!.isConnected).toBe(false);
      vi.runAllTimers();
      expect(revoke).toHaveBeenCalledWith('blob:test');
      const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte order mark
      expect(new TextDecoder().decode(bytes.slice(3))).toBe("a\r\n'=1\r\n");
      expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    });
  });
});
