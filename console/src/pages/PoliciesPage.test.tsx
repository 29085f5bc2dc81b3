import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/session';
import { ADMIN_ME, fakeFetch, json, problem } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { evaluateBody, questionOf } from './policies/EvaluateForm';
import { OLGA, path } from './product/testing';

const RULE = { role: 'authenticated', file: 'roles.yaml', path: 'roles[0].rules[3]', action: ['create', 'update', 'retire'], subject: 'DataProduct', inverted: false, reason: "members of the owning team manage their team's products" };
const POLICY = {
  version: 'sha256:policy-v7',
  loadedAt: '2026-12-07T20:00:00Z',
  directory: '/etc/gatehouse/policies',
  files: ['roles.yaml', 'gates.yaml'],
  roles: [{ name: 'authenticated', description: 'Every authenticated principal', file: 'roles.yaml', rules: [RULE] }],
  gates: { prod: { checks: ['ownerDeclared', 'approvals'], softChecks: [], approvals: { required: 2, fromRoles: ['approver'], fromTeams: [], requesterMayApprove: false, serviceAccountsMayApprove: false, piiRequiresSteward: true, stewardRole: 'steward', expireAfter: 'P1D', expireRequestsAfter: 'P7D' }, freezeWindows: [], breakGlassRoles: ['admin'],
      rules: [
        { description: 'tier 1 waits for its readers', when: { tier: 1 }, checks: { add: ['breakingChangesAcknowledged'], remove: [] }, approvals: { required: 3 } },
        { when: { OR: [{ tier: { gte: 4 } }, { tags: { has: 'sandbox' } }] }, checks: ['ownerDeclared'] },
      ] } },
};

function server(options: { me?: object; principals?: boolean } = {}) {
  return fakeFetch(async (r) => {
    const p = path(r);
    if (p === '/api/v1/me') return json(options.me ?? ADMIN_ME);
    if (p === '/api/v1/policies') return options.me ? problem(403, 'forbidden', 'Forbidden', { reason: "no rule of the principal's roles allows read Policy", rule: null, policyVersion: 'sha256:policy-v7' }) : json(POLICY);
    if (p === '/api/v1/principals') {
      if (!options.principals) return problem(403, 'forbidden', 'Forbidden', { reason: 'no', rule: null, policyVersion: 'v' });
      return json({ items: [{ id: 'olga', name: 'Olga Owner', kind: 'person', teams: ['sales-data'], roles: [], email: null, disabled: false, disabledAt: null, createdAt: '2026-01-01T00:00:00Z', createdBy: 'admin', updatedAt: '2026-01-01T00:00:00Z' }], nextCursor: null });
    }
    if (p === '/api/v1/policy/evaluate') {
      const body = (await r.json()) as { principal: string; action: string; subject: string | { type: string; id: string } };
      if (body.principal === 'nobody') return problem(400, 'validation_failed', 'Validation failed', { errors: [{ field: 'principal', message: 'no principal nobody' }] });
      const allowed = body.action === 'update';
      return json({
        allowed,
        action: body.action,
        subjectType: 'DataProduct',
        reason: allowed ? RULE.reason : "no rule of the principal's roles allows approve DataProduct",
        decidingRule: allowed ? RULE : null,
        matchedRules: allowed ? [RULE] : [],
        policyVersion: 'sha256:policy-v7',
        principal: { ...OLGA, kind: 'person' },
        subject: { type: 'DataProduct' },
      });
    }
    return new Response(null, { status: 404 });
  });
}

describe('the policies page', () => {
  it('the question becomes the request body (a resource by type and id)', () => {
    expect(questionOf({ principal: 'olga', action: 'update' })).toBeNull();
    const q = questionOf({ principal: 'olga', action: 'update', subject: 'DataProduct', id: 'orders-daily', field: 'tier' })!;
    expect(evaluateBody(q)).toEqual({ principal: 'olga', action: 'update', subject: { type: 'DataProduct', id: 'orders-daily' }, field: 'tier' });
    expect(evaluateBody({ principal: 'olga', action: 'read', subject: 'Run' })).toEqual({ principal: 'olga', action: 'read', subject: 'Run' });
  });

  it('shows the roles and gates with the version, and answers the form with decision, reason and deciding rule', async () => {
    const fake = server({ principals: true });
    signIn('admin-token');
    const app = renderApp('/policies');
    expect(await screen.findByText('sha256:policy-v7', { selector: '.page__description code' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Rules of authenticated' })).toBeTruthy();
    const gates = screen.getByRole('table', { name: 'Promotion gates' });
    expect(within(gates).getByRole('row', { name: /^prod/ }).textContent).toContain('2 from role approver');
    const byProduct = within(screen.getByRole('table', { name: 'By product' })).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(byProduct).toEqual([
      'prod{ tier: 1 }tier 1 waits for its readersmust pass + breakingChangesAcknowledged; approvals: required 3',
      'prod{ OR: [{ tier: { gte: 4 } }, { tags: { has: sandbox } }] }must pass: ownerDeclared',
    ]);

    await screen.findByRole('option', { name: 'Olga Owner (olga)' });
    await userEvent.selectOptions(screen.getByLabelText('Principal'), 'Olga Owner (olga)');
    await userEvent.selectOptions(screen.getByLabelText('Action'), 'update');
    await userEvent.type(screen.getByLabelText('Resource name'), 'orders-daily');
    await userEvent.click(screen.getByRole('button', { name: 'Ask the policy' }));
    await waitFor(() => expect(app.router.state.location.search).toEqual({ principal: 'olga', action: 'update', subject: 'DataProduct', id: 'orders-daily' }));
    const decision = await screen.findByRole('region', { name: /Allowed Olga Owner \(olga\) may update DataProduct orders-daily/ });
    expect(within(decision).getByTestId('policy-reason').textContent).toBe("members of the owning team manage their team's products");
    expect(within(decision).getByTestId('policy-rule').textContent).toBe('role authenticated · roles.yaml · roles[0].rules[3]');
    const sent = fake.requests.find((r) => path(r) === '/api/v1/policy/evaluate')!;
    expect(await sent.clone().json()).toEqual({ principal: 'olga', action: 'update', subject: { type: 'DataProduct', id: 'orders-daily' } });

    await userEvent.selectOptions(screen.getByLabelText('Action'), 'approve');
    await userEvent.click(screen.getByRole('button', { name: 'Ask the policy' }));
    const denied = await screen.findByRole('region', { name: /Denied Olga Owner \(olga\) may not approve/ });
    expect(within(denied).getByTestId('policy-rule').textContent).toBe('none: no rule allows it');
  });

  it('for someone who may not read the policy or list principals: "Not allowed" for the roles, a typed principal, errors at the field', async () => {
    server({ me: OLGA });
    signIn('ghs_olga');
    renderApp('/policies?principal=nobody&action=read&subject=DataProduct');
    expect((await screen.findByRole('alert', { name: 'Not allowed' })).textContent).toContain("no rule of the principal's roles allows read Policy");
    const input = await screen.findByRole('textbox', { name: 'Principal' });
    expect((input as HTMLInputElement).value).toBe('nobody');
    expect(await screen.findByText('no principal nobody')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('principal-error');
  });
});
