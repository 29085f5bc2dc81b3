import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api/problem';
import { ConfirmDialog, Dialog } from './Dialog';
import { DisabledReason } from './DisabledReason';
import { Pager } from './Pager';
import { RelativeTime } from './RelativeTime';
import { StatusBadge, statusInfo } from './StatusBadge';

describe('StatusBadge', () => {
  it('shows the status as words, with a tone class', () => {
    render(
      <>
        <StatusBadge status="awaiting_approval" />
        <StatusBadge status="breached" context="SLA:" />
        <StatusBadge status="something_new" />
      </>,
    );
    expect(screen.getByText('Awaiting approval').className).toBe('badge badge--warning');
    expect(screen.getByText('Breached').closest('.badge')!.textContent).toBe('SLA: Breached');
    expect(screen.getByText('something new').className).toBe('badge badge--neutral');
  });

  it('knows every promotion, gate, run and SLA status', () => {
    const all = ['requested', 'blocked', 'awaiting_approval', 'approved', 'executing', 'succeeded', 'failed', 'rejected', 'expired', 'cancelled', 'rolled_back', 'passed', 'pending', 'overridden', 'queued', 'running', 'fresh', 'breached'];
    for (const s of all) expect(statusInfo(s).label).not.toContain('_');
    expect(statusInfo('rolled_back')).toEqual({ label: 'Rolled back', tone: 'warning' });
    expect(statusInfo('passed').tone).toBe('success');
    expect(statusInfo('failed').tone).toBe('danger');
  });
});

describe('RelativeTime', () => {
  it('is a <time> with the ISO value, relative text and the absolute time as title', () => {
    render(<RelativeTime value="2026-03-01T10:00:00Z" now={new Date('2026-03-01T10:05:00Z')} />);
    const time = screen.getByText('5 minutes ago');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe('2026-03-01T10:00:00.000Z');
    expect(time.getAttribute('title')).toMatch(/2026/);
  });

  it('shows the future and missing values', () => {
    render(
      <>
        <RelativeTime value="2026-03-03T10:00:00Z" now={new Date('2026-03-01T10:00:00Z')} />
        <RelativeTime value={null} fallback="never" />
        <RelativeTime value="not a date" />
      </>,
    );
    expect(screen.getByText('in 2 days')).toBeTruthy();
    expect(screen.getByText('never')).toBeTruthy();
    expect(screen.getByText('—')).toBeTruthy();
  });
});

describe('DisabledReason', () => {
  it('when a reason is given: aria-disabled, the reason next to it and described by it, clicks ignored', async () => {
    const click = vi.fn();
    render(
      <DisabledReason reason="Only approvers of prod may approve." onClick={click}>
        Approve
      </DisabledReason>,
    );
    const button = screen.getByRole('button', { name: 'Approve' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const reason = screen.getByText('Only approvers of prod may approve.');
    expect(button.getAttribute('aria-describedby')).toBe(reason.id);
    // still focusable, so keyboard users reach it and hear why
    button.focus();
    expect(document.activeElement).toBe(button);
    await userEvent.click(button);
    expect(click).not.toHaveBeenCalled();
  });

  it('without a reason: a normal button', async () => {
    const click = vi.fn();
    render(
      <DisabledReason reason={null} onClick={click}>
        Approve
      </DisabledReason>,
    );
    const button = screen.getByRole('button', { name: 'Approve' });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(button.getAttribute('aria-describedby')).toBeNull();
    await userEvent.click(button);
    expect(click).toHaveBeenCalledOnce();
  });
});

describe('Pager', () => {
  it('offers the next page and, past the first, the way back', async () => {
    const change = vi.fn();
    const { rerender } = render(<Pager cursor={undefined} nextCursor="c2" onChange={change} label="Data products" />);
    expect(screen.getByRole('navigation', { name: 'Data products: pages' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back to first page' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(change).toHaveBeenLastCalledWith('c2');
    rerender(<Pager cursor="c2" nextCursor={null} onChange={change} />);
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Back to first page' }));
    expect(change).toHaveBeenLastCalledWith(undefined);
  });

  it('shows nothing for a single page', () => {
    const { container } = render(<Pager cursor={undefined} nextCursor={null} onChange={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('dialogs', () => {
  it('open as modal dialogs, close on Escape, and insert no <style> element (CSP)', async () => {
    function Demo() {
      const [open, setOpen] = useState(false);
      return (
        <Dialog open={open} onOpenChange={setOpen} title="Revision diff" description="From 3 to 5" trigger={<button type="button">Show diff</button>}>
          <p>diff here</p>
        </Dialog>
      );
    }
    render(<Demo />);
    const styles = document.querySelectorAll('style').length;
    await userEvent.click(screen.getByRole('button', { name: 'Show diff' }));
    const dialog = screen.getByRole('dialog', { name: 'Revision diff' });
    expect(dialog.textContent).toContain('diff here');
    expect(document.documentElement.classList.contains('scroll-locked')).toBe(true);
    expect(document.querySelectorAll('style').length).toBe(styles);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.documentElement.classList.contains('scroll-locked')).toBe(false);
  });

  it('confirm: runs the action, shows its problem and stays open when it fails', async () => {
    const onConfirm = vi.fn().mockRejectedValueOnce(new ApiProblem({ status: 409, title: 'Conflict', detail: 'The promotion already started.', code: 'conflict' })).mockResolvedValueOnce(undefined);
    function Demo() {
      const [open, setOpen] = useState(true);
      return <ConfirmDialog open={open} onOpenChange={setOpen} title="Cancel the promotion?" description="It will not run." confirmLabel="Cancel promotion" cancelLabel="Keep it" danger onConfirm={onConfirm} />;
    }
    render(<Demo />);
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel the promotion?' });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel promotion' }));
    expect(await screen.findByRole('alert', { name: 'Conflict' })).toBeTruthy();
    expect(dialog.isConnected).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel promotion' }));
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(2);
    expect(document.querySelectorAll('style').length).toBe(0);
  });
});
