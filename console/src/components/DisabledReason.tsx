import { useId, type ButtonHTMLAttributes, type MouseEvent } from 'react';

interface DisabledReasonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  /**
   * Why the action is not available, as the server says (e.g. a policy decision or a promotion's
   * state); null or undefined means it is available. The component only shows it: it decides nothing.
   */
  reason: string | null | undefined;
}

/**
 * A button that, when `reason` is set, is disabled with the reason written next to it and tied
 * to it by aria-describedby. It uses aria-disabled rather than the disabled attribute, so it
 * stays focusable and keyboard and screen reader users learn why; clicks do nothing then.
 */
export function DisabledReason({ reason, onClick, className, children, type = 'button', ...rest }: DisabledReasonProps) {
  const reasonId = useId();
  const disabled = Boolean(reason);
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (disabled) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  const describedBy = [rest['aria-describedby'], disabled ? reasonId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <span className="disabled-reason">
      <button
        {...rest}
        type={type}
        className={className ?? 'button'}
        aria-disabled={disabled || undefined}
        aria-describedby={describedBy}
        onClick={handleClick}
      >
        {children}
      </button>
      {disabled && (
        <span id={reasonId} className="disabled-reason__text">
          {reason}
        </span>
      )}
    </span>
  );
}
