import { useEffect, useId, useRef, useState } from 'react';

interface CopyToClipboardProps {
  /** What to copy. */
  text: string;
  /** The button's words, e.g. "Copy owners". */
  label: string;
  /** The confirmation, e.g. "Copied 3 owners." */
  copied: string;
}

/**
 * A button that copies `text`, with a visible confirmation (a live status). Where the clipboard
 * is not available (an insecure origin, a refused permission) the text is shown selected in a
 * read-only box instead, to copy by hand.
 */
export function CopyToClipboard({ text, label, copied }: CopyToClipboardProps) {
  const id = useId();
  const [message, setMessage] = useState('');
  const [manual, setManual] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useEffect(() => {
    if (manual) box.current?.select();
  }, [manual]);

  const copy = async () => {
    if (timer.current) clearTimeout(timer.current);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setManual(false);
      setMessage(copied);
      timer.current = setTimeout(() => setMessage(''), 5000);
    } catch {
      setManual(true);
      setMessage('Copying is not available here: the text is selected below, copy it with Ctrl+C (⌘C).');
    }
  };

  return (
    <div className="copy-to-clipboard">
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>{' '}
      <span role="status" className="copy-to-clipboard__status">
        {message}
      </span>
      {manual && (
        <>
          <label htmlFor={`${id}-text`} className="visually-hidden">
            {label}: the text to copy
          </label>
          <textarea id={`${id}-text`} ref={box} className="textarea copy-to-clipboard__text" readOnly rows={Math.min(8, text.split('\n').length)} value={text} />
        </>
      )}
    </div>
  );
}
