import * as AlertDialogPrimitive from '@radix-ui/react-alert-dialog';
import * as DialogPrimitive from '@radix-ui/react-dialog';
import { useEffect, useState, type ReactNode } from 'react';
import { ProblemView } from './ProblemView';

/*
 * Dialogs on Radix primitives, made to live under the server's CSP (style-src 'self').
 *
 * Do not use Radix's `Dialog.Overlay` / `AlertDialog.Overlay` in this console: the overlay
 * locks page scrolling with react-remove-scroll, which inserts a <style> element at runtime;
 * the CSP refuses it (a console error, and no scroll lock). These wrappers draw their own
 * backdrop and lock scrolling with a class on <html> (styles/components.css) instead. Focus
 * trapping, Escape, aria-modal and hiding the rest of the page from screen readers still come
 * from Radix.
 */

/**
 * While `active` (counted, so nested dialogs work): `scroll-locked` on <html>, and the page behind
 * (#root; dialogs render in a portal outside it) made `inert`, so it can neither be focused nor
 * read — Radix's `aria-hidden` alone leaves it focusable.
 */
let locks = 0;
function useScrollLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    locks += 1;
    document.documentElement.classList.add('scroll-locked');
    document.getElementById('root')?.setAttribute('inert', '');
    return () => {
      locks -= 1;
      if (locks === 0) {
        document.documentElement.classList.remove('scroll-locked');
        document.getElementById('root')?.removeAttribute('inert');
      }
    };
  }, [active]);
}

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** One sentence under the title; also the dialog's accessible description. */
  description?: ReactNode;
  /** The element that opens it (optional: `open` may be driven from elsewhere). */
  trigger?: ReactNode;
  children?: ReactNode;
  /** Wider content (diffs, manifests). */
  wide?: boolean;
}

/** A modal dialog: title, optional description, content, and a Close button in the corner. */
export function Dialog({ open, onOpenChange, title, description, trigger, children, wide }: DialogProps) {
  useScrollLock(open);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <DialogPrimitive.Trigger asChild>{trigger}</DialogPrimitive.Trigger>}
      <DialogPrimitive.Portal>
        <div className="dialog-backdrop" />
        <DialogPrimitive.Content className={wide ? 'dialog dialog--wide' : 'dialog'} {...(description ? {} : { 'aria-describedby': undefined })}>
          <div className="dialog__header">
            <DialogPrimitive.Title className="dialog__title">{title}</DialogPrimitive.Title>
            <DialogPrimitive.Close className="button button--quiet" aria-label="Close">
              ✕
            </DialogPrimitive.Close>
          </div>
          {description && <DialogPrimitive.Description className="dialog__description">{description}</DialogPrimitive.Description>}
          <div className="dialog__body">{children}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Destructive actions (reject, cancel, roll back) get the danger style. */
  danger?: boolean;
  /** Runs on confirm; the dialog stays open while it runs, shows its ApiProblem if it throws, closes when it resolves. */
  onConfirm: () => Promise<unknown> | void;
  /** Extra content between the description and the buttons (e.g. a comment field). */
  children?: ReactNode;
  trigger?: ReactNode;
}

/** An alert dialog asking to confirm one action. Escape or Cancel closes it. */
export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, cancelLabel = 'Cancel', danger, onConfirm, children, trigger }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useScrollLock(open);
  useEffect(() => {
    if (!open) setError(null);
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onOpenChange(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      {trigger && <AlertDialogPrimitive.Trigger asChild>{trigger}</AlertDialogPrimitive.Trigger>}
      <AlertDialogPrimitive.Portal>
        <div className="dialog-backdrop" />
        <AlertDialogPrimitive.Content className="dialog">
          <AlertDialogPrimitive.Title className="dialog__title">{title}</AlertDialogPrimitive.Title>
          <AlertDialogPrimitive.Description className="dialog__description">{description}</AlertDialogPrimitive.Description>
          {children && <div className="dialog__body">{children}</div>}
          <ProblemView error={error} headingLevel={3} />
          <div className="dialog__actions">
            <AlertDialogPrimitive.Cancel className="button" disabled={busy}>
              {cancelLabel}
            </AlertDialogPrimitive.Cancel>
            <button type="button" className={danger ? 'button button--danger' : 'button button--primary'} onClick={confirm} aria-busy={busy || undefined} disabled={busy}>
              {busy ? `${confirmLabel}…` : confirmLabel}
            </button>
          </div>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
