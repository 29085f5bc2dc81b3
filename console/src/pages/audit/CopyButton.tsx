import { useEffect, useRef, useState } from 'react';

interface CopyButtonProps {
  /** The text to copy. */
  value: string;
  /** The button's text, e.g. "Copy head hash". */
  label: string;
  /** The element showing the value: selected when the clipboard cannot be written, so Ctrl+C copies it. */
  selectTarget?: () => HTMLElement | null;
}

/**
 * Copies `value` to the clipboard and says so next to the button (a polite live region). Where the
 * clipboard is refused (no permission, not a secure context), the value is selected instead and
 * the message says to press Ctrl+C.
 */
export function CopyButton({ value, label, selectTarget }: CopyButtonProps) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const say = (text: string) => {
    setMessage(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), 5_000);
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      say('Copied.');
    } catch {
      const target = selectTarget?.();
      const selection = window.getSelection();
      if (target && selection) {
        const range = document.createRange();
        range.selectNodeContents(target);
        selection.removeAllRanges();
        selection.addRange(range);
        say('Could not use the clipboard: the hash is selected, press Ctrl+C (⌘C) to copy it.');
      } else {
        say('Could not use the clipboard: select the hash and copy it.');
      }
    }
  };

  return (
    <span className="copy-button">
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-button__message" role="status" aria-live="polite">
        {message}
      </span>
    </span>
  );
}
