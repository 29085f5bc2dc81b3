import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api/problem';
import { FieldError, errorsFor, fieldError } from './FieldError';
import { ProblemView } from './ProblemView';

const validation = new ApiProblem({
  status: 400,
  title: 'Validation failed',
  detail: 'The data product manifest is invalid.',
  code: 'validation_failed',
  errors: [
    { field: 'spec.sla.freshness', message: 'must be a positive ISO 8601 duration' },
    { field: 'spec.tier', message: 'must be between 1 and 4' },
  ],
  requestId: '5b0f-42',
});

describe('ProblemView', () => {
  it('shows title, detail, the field errors and the request id, as an alert', () => {
    render(<ProblemView error={validation} />);
    const alert = screen.getByRole('alert', { name: 'Validation failed' });
    expect(within(alert).getByText('The data product manifest is invalid.')).toBeTruthy();
    const items = within(within(alert).getByRole('list', { name: 'Problems by field' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['spec.sla.freshness must be a positive ISO 8601 duration', 'spec.tier must be between 1 and 4']);
    expect(alert.textContent).toContain('5b0f-42');
  });

  it('leaves out field errors the form shows at its inputs', () => {
    render(<ProblemView error={validation} fieldsShownInline={['spec.tier']} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows a 403 as "Not allowed" with the reason, the deciding rule and the policy version', () => {
    const forbidden = new ApiProblem({
      status: 403,
      title: 'Forbidden',
      detail: 'Not allowed to update DataProduct orders-daily: owners edit their own team’s products.',
      code: 'forbidden',
      reason: 'owners edit their own team’s products',
      rule: { role: 'owner', file: 'roles.yaml', path: 'roles.owner.rules[2]' },
      policyVersion: 'sha256:9f2c',
    });
    render(<ProblemView error={forbidden} />);
    const alert = screen.getByRole('alert', { name: 'Not allowed' });
    expect(alert.textContent).toContain('owners edit their own team’s products');
    expect(within(alert).getByText('owner · roles.yaml · roles.owner.rules[2]')).toBeTruthy();
    expect(within(alert).getByText('sha256:9f2c')).toBeTruthy();
  });

  it('says so when no rule decided a 403', () => {
    render(<ProblemView error={new ApiProblem({ status: 403, title: 'Forbidden', code: 'forbidden', reason: "no rule of the principal's roles allows delete Policy", rule: null })} />);
    expect(screen.getByText(/None: no rule of your roles allows this/)).toBeTruthy();
  });

  it('shows any other error, and nothing for none', () => {
    const { container, rerender } = render(<ProblemView error={null} />);
    expect(container.innerHTML).toBe('');
    rerender(<ProblemView error={new Error('boom')} />);
    expect(screen.getByRole('alert', { name: 'Something went wrong' }).textContent).toContain('boom');
  });

  it('offers to try again', async () => {
    const retry = vi.fn();
    render(<ProblemView error={validation} onRetry={retry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});

describe('field errors', () => {
  it('finds a field’s messages by its exact path', () => {
    expect(errorsFor(validation, 'spec.tier')).toEqual(['must be between 1 and 4']);
    expect(errorsFor(validation, 'spec')).toEqual([]);
    expect(errorsFor(new Error('x'), 'spec.tier')).toEqual([]);
    expect(errorsFor(null, 'spec.tier')).toEqual([]);
  });

  it('ties the message to its input with aria-describedby and aria-invalid', () => {
    function Tier({ problem }: { problem: unknown }) {
      const tier = fieldError(problem, 'spec.tier', 'tier-error', 'tier-hint');
      return (
        <>
          <label htmlFor="tier">Tier</label>
          <p id="tier-hint">1 is the most critical</p>
          <input id="tier" {...tier.inputProps} />
          <FieldError {...tier} />
        </>
      );
    }
    const { rerender } = render(<Tier problem={null} />);
    const input = screen.getByLabelText('Tier');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe('tier-hint');
    rerender(<Tier problem={validation} />);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('tier-hint tier-error');
    expect(document.getElementById('tier-error')!.textContent).toBe('must be between 1 and 4');
  });
});
