import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatJson, shortHash } from './format';
import { VerifyResult, type VerifyReport } from './VerifyResult';

const HEAD = 'a3f1c9e0b2d4f6a8c0e2f4a6b8d0f2a4c6e8a0b2c4d6e8f0a2b4c6d8e0f2a4b6';
const AT = new Date('2026-12-07T12:00:00Z');

/** Puts a stand-in clipboard on navigator (happy-dom's is a getter), taken away after each test. */
const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}
afterEach(() => {
  if (original) Object.defineProperty(navigator, 'clipboard', original);
  else delete (navigator as { clipboard?: unknown }).clipboard;
});

describe('VerifyResult', () => {
  it('a valid chain: the entry count, the head hash with a copy button, and why to keep it elsewhere', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    stubClipboard(writeText);
    render(<VerifyResult report={{ valid: true, entries: 1234, head: HEAD }} verifiedAt={AT} />);
    const status = screen.getByRole('region', { name: /Chain valid/ });
    expect(document.activeElement).toBe(within(status).getByRole('heading', { level: 2 }));
    expect(status.textContent).toContain('All 1,234 entries verified');
    expect(within(status).getByText(HEAD).tagName).toBe('CODE');
    expect(status.textContent).toContain('cannot by itself notice that its newest entries were cut off');
    fireEvent.click(within(status).getByRole('button', { name: 'Copy head hash' }));
    expect(writeText).toHaveBeenCalledWith(HEAD);
    expect(await within(status).findByText('Copied.')).toBeTruthy();
  });

  it('where the clipboard is refused, selects the hash instead and says how to copy it', async () => {
    stubClipboard(vi.fn().mockRejectedValue(new Error('denied')));
    render(<VerifyResult report={{ valid: true, entries: 1, head: HEAD }} verifiedAt={AT} />);
    expect(screen.getByRole('region', { name: /Chain valid/ }).textContent).toContain('All 1 entry verified');
    fireEvent.click(screen.getByRole('button', { name: 'Copy head hash' }));
    expect(await screen.findByText(/the hash is selected, press Ctrl\+C/)).toBeTruthy();
    expect(window.getSelection()?.toString()).toBe(HEAD);
  });

  it('an empty trail is valid, its head the genesis value', () => {
    render(<VerifyResult report={{ valid: true, entries: 0, head: '0'.repeat(64) }} verifiedAt={AT} />);
    expect(screen.getByRole('region', { name: /Chain valid/ }).textContent).toContain('The audit trail is empty');
  });

  const broken = (reason: 'altered' | 'removed' | 'inserted'): VerifyReport => ({
    valid: false,
    entries: 42,
    firstInvalid: { seq: '42', reason, detail: `entry 42 is ${reason}`, expected: 'e'.repeat(64), actual: 'f'.repeat(64) },
  });

  it('an altered entry: which one, why, the stored hash and the hash of what is stored now', () => {
    render(<VerifyResult report={broken('altered')} verifiedAt={AT} />);
    const alert = screen.getByRole('alert', { name: 'Chain broken at entry 42: altered' });
    expect(alert.textContent).toContain('changed after it was written');
    expect(alert.textContent).toContain('entry 42 is altered');
    const terms = within(alert).getAllByRole('term').map((t) => t.textContent);
    expect(terms).toEqual(['First broken entry', 'Hash stored with the entry', 'Hash of the entry’s content as stored now', 'Entries read']);
    expect(within(alert).getAllByRole('definition').map((d) => d.textContent)).toEqual(['42', 'e'.repeat(64), 'f'.repeat(64), '42 entries, the broken one included']);
  });

  it('a removed or inserted entry: the hash of the entry before and what the entry links to', () => {
    const { unmount } = render(<VerifyResult report={broken('removed')} verifiedAt={AT} />);
    let alert = screen.getByRole('alert', { name: 'Chain broken at entry 42: removed' });
    expect(alert.textContent).toContain('entries are missing');
    expect(within(alert).getByText('Hash of the entry before')).toBeTruthy();
    unmount();
    render(<VerifyResult report={broken('inserted')} verifiedAt={AT} />);
    alert = screen.getByRole('alert', { name: 'Chain broken at entry 42: inserted' });
    expect(within(alert).getByText('What the inserted entry links to (its prevHash)')).toBeTruthy();
  });
});

describe('audit formatting', () => {
  it('shortens hashes and digests for table cells', () => {
    expect(shortHash(HEAD)).toBe('a3f1c9e0b2d4…');
    expect(shortHash('sha256:0123456789abcdef0123')).toBe('0123456789ab…');
    expect(shortHash('short')).toBe('short');
  });

  it('indents JSON', () => {
    expect(formatJson({ a: 1, b: [true] })).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
    expect(formatJson('text')).toBe('"text"');
  });
});
