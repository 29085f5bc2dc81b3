import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { api, data } from '../../api/client';
import { ApiProblem, isApiProblem } from '../../api/problem';
import { ConfirmDialog } from '../../components/Dialog';
import { DisabledReason } from '../../components/DisabledReason';
import { errorsFor, FieldError } from '../../components/FieldError';
import { gateLabel } from '../../components/GateEvidence';
import { ProblemView } from '../../components/ProblemView';
import { RECEIPTS_ID } from './Receipt';
import { promotionKeys, type PromotionDetail, type PromotionReceipt } from './queries';

type GateCheck = PromotionDetail['gates'][number]['check'];

/** Why an action is not available, as the server says (null when it is). */
const refusal = (check: { allowed: boolean; reason: string | null }) => (check.allowed ? null : (check.reason ?? 'Not allowed.'));

/**
 * Focuses an element by id once the dialog that covered it is gone: Radix returns focus to a
 * dialog's Trigger, and these dialogs have none (they open after the form is checked).
 */
const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

/** A problem without the field errors the form shows at its inputs (for ConfirmDialog's own problem display). */
function withoutFields(problem: ApiProblem, fields: string[]): ApiProblem {
  return new ApiProblem({ ...problem, errors: problem.errors.filter((e) => !fields.includes(e.field)) });
}

export const OVERRIDE_ACK = 'I understand this bypasses a failed gate and is audited';
export const REJECT_NEEDS_REASON = 'A rejection must say why: write the reason in the comment.';

interface DecisionActionsProps {
  promotion: PromotionDetail;
  /** Called with each action's receipt (the promotion after it, and its audit entry). */
  onReceipt: (label: string, receipt: PromotionReceipt) => void;
}

/**
 * The actions on a promotion: approve (optional comment), reject (a reason required), break-glass
 * override of a failed gate (allowed roles only, in a confirmation with a justification and an
 * explicit acknowledgement), cancel (with confirmation) and re-evaluate. Whether each is available
 * comes from the server (`actions`); an unavailable one is a disabled button with the reason.
 */
export function DecisionActions({ promotion, onReceipt }: DecisionActionsProps) {
  const { id, actions } = promotion;
  const queryClient = useQueryClient();
  const ids = {
    comment: useId(),
    commentHint: useId(),
    commentError: useId(),
    approve: useId(),
    reject: useId(),
    override: useId(),
    cancel: useId(),
    evaluate: useId(),
    check: useId(),
    checkError: useId(),
    justification: useId(),
    justificationHint: useId(),
    justificationError: useId(),
    ack: useId(),
    ackError: useId(),
  };
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [comment, setComment] = useState('');
  const [commentProblem, setCommentProblem] = useState<string | null>(null);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [overrideCheck, setOverrideCheck] = useState<GateCheck | ''>('');
  const [justification, setJustification] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [overrideErrors, setOverrideErrors] = useState<{ check?: string[]; reason?: string[]; ack?: string[] }>({});
  const clearOverrideError = (field: keyof typeof overrideErrors) => setOverrideErrors((errors) => (errors[field]?.length ? { ...errors, [field]: [] } : errors));
  // set when a dialog's action succeeded: focus then goes to its receipt, else back to the opener
  const confirmed = useRef(false);
  const openDialog = (setOpen: (open: boolean) => void) => {
    confirmed.current = false;
    setOpen(true);
  };
  const closeDialog = (setOpen: (open: boolean) => void, opener: string) => (open: boolean) => {
    setOpen(open);
    if (!open) focusLater(confirmed.current ? RECEIPTS_ID : opener);
  };

  const done = async (label: string, receipt: PromotionReceipt) => {
    confirmed.current = true;
    onReceipt(label, receipt);
    await queryClient.invalidateQueries({ queryKey: promotionKeys.all });
  };

  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => data(api.POST('/api/v1/promotions/{id}/approvals', { params: { path: { id } }, body: { decision, comment } })),
    onSuccess: async (receipt, decision) => {
      setComment('');
      setCommentProblem(null);
      await done(decision === 'approve' ? 'Approved' : 'Rejected', receipt);
    },
  });
  const evaluate = useMutation({
    mutationFn: () => data(api.POST('/api/v1/promotions/{id}/evaluate', { params: { path: { id } } })),
    onSuccess: (receipt) => done('Gates re-evaluated', receipt),
  });

  const serverCommentErrors = decide.error && !rejectOpen ? errorsFor(decide.error, 'comment') : [];
  const commentMessages = commentProblem ? [commentProblem] : serverCommentErrors;

  const approve = () => {
    if (decide.isPending) return;
    setCommentProblem(null);
    decide.mutate('approve');
  };
  const startReject = () => {
    if (decide.isPending) return;
    decide.reset();
    if (!comment.trim()) {
      setCommentProblem(REJECT_NEEDS_REASON);
      commentRef.current?.focus();
      return;
    }
    setCommentProblem(null);
    openDialog(setRejectOpen);
  };

  const overridable = actions.override.checks;
  const anyFailed = promotion.gates.some((g) => g.status === 'failed' && g.check !== 'approvals');
  const openOverride = () => {
    setOverrideCheck(overridable.length === 1 ? overridable[0]! : '');
    setJustification('');
    setAcknowledged(false);
    setOverrideErrors({});
    openDialog(setOverrideOpen);
  };
  const confirmOverride = async () => {
    const errors: typeof overrideErrors = {};
    if (!overrideCheck) errors.check = ['Choose the failed gate to override.'];
    if (justification.trim().length < 10) errors.reason = ['Write a justification of at least 10 characters.'];
    if (!acknowledged) errors.ack = ['Confirm that you understand this bypasses a failed gate and is audited.'];
    setOverrideErrors(errors);
    if (Object.keys(errors).length) {
      throw new ApiProblem({ status: 0, title: 'Check the form', detail: 'Fix the fields marked above, then confirm again.', code: 'validation_failed' });
    }
    try {
      const receipt = await data(api.POST('/api/v1/promotions/{id}/overrides', { params: { path: { id } }, body: { check: overrideCheck as GateCheck, reason: justification } }));
      await done(`Gate overridden (break-glass): ${gateLabel(overrideCheck)}`, receipt);
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      setOverrideErrors({ check: error.errorsFor('check'), reason: error.errorsFor('reason') });
      throw withoutFields(error, ['check', 'reason']);
    }
  };

  const describedBy = [ids.commentHint, commentMessages.length ? ids.commentError : undefined].filter(Boolean).join(' ');
  const decisionRefused = !actions.approve.allowed && !actions.reject.allowed;

  return (
    <section className="decision" aria-labelledby={`${ids.comment}-heading`}>
      <h2 id={`${ids.comment}-heading`} className="decision__heading">
        Your decision
      </h2>
      <div className="form decision__form">
        <div className="form__field">
          <label htmlFor={ids.comment}>Comment</label>
          <p id={ids.commentHint} className="form__hint">
            Optional when approving; a rejection must say why.
          </p>
          <textarea
            ref={commentRef}
            id={ids.comment}
            className="textarea decision__textarea"
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              if (commentProblem && e.target.value.trim()) setCommentProblem(null);
            }}
            aria-invalid={commentMessages.length ? true : undefined}
            aria-describedby={describedBy}
            disabled={decisionRefused}
          />
          <FieldError id={ids.commentError} messages={commentMessages} />
        </div>
        <div className="decision__buttons">
          <DisabledReason id={ids.approve} className="button button--primary" reason={refusal(actions.approve)} onClick={approve} aria-busy={(decide.isPending && decide.variables === 'approve') || undefined}>
            {decide.isPending && decide.variables === 'approve' ? 'Approving…' : 'Approve'}
          </DisabledReason>
          <DisabledReason id={ids.reject} className="button button--danger" reason={refusal(actions.reject)} onClick={startReject}>
            Reject…
          </DisabledReason>
        </div>
        {!rejectOpen && <ProblemView error={decide.error} fieldsShownInline={['comment']} headingLevel={3} />}
      </div>

      <h3 className="decision__subheading">Other actions</h3>
      <div className="decision__others">
        {(actions.override.allowed || anyFailed) && (
          <DisabledReason id={ids.override} className="button button--danger" reason={refusal(actions.override)} onClick={openOverride}>
            Break-glass override…
          </DisabledReason>
        )}
        <DisabledReason id={ids.cancel} className="button" reason={refusal(actions.cancel)} onClick={() => openDialog(setCancelOpen)}>
          Cancel promotion…
        </DisabledReason>
        <DisabledReason id={ids.evaluate} className="button" reason={refusal(actions.evaluate)} onClick={() => !evaluate.isPending && evaluate.mutate()} aria-busy={evaluate.isPending || undefined}>
          {evaluate.isPending ? 'Re-evaluating…' : 'Re-evaluate gates'}
        </DisabledReason>
      </div>
      <ProblemView error={evaluate.error} headingLevel={3} />

      <ConfirmDialog
        open={rejectOpen}
        onOpenChange={closeDialog(setRejectOpen, ids.reject)}
        title="Reject this promotion?"
        description="Any rejection rejects the promotion: it will not run, and the requester has to ask again. Your reason is recorded in the audit trail."
        confirmLabel="Reject promotion"
        cancelLabel="Keep it open"
        danger
        onConfirm={() => decide.mutateAsync('reject')}
      >
        <p className="decision__quote">
          Your reason: <q>{comment.trim()}</q>
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={cancelOpen}
        onOpenChange={closeDialog(setCancelOpen, ids.cancel)}
        title="Cancel this promotion?"
        description="It will not run, and no one can approve it any more. The cancellation is recorded in the audit trail."
        confirmLabel="Cancel promotion"
        cancelLabel="Keep it"
        danger
        onConfirm={async () => done('Cancelled', await data(api.POST('/api/v1/promotions/{id}/cancel', { params: { path: { id } } })))}
      />

      <ConfirmDialog
        open={overrideOpen}
        onOpenChange={closeDialog(setOverrideOpen, ids.override)}
        title="Break-glass override"
        description={`Lets a failed gate pass as “overridden”. The promotion is marked as break-glass, and your name and justification are recorded in the audit trail.`}
        confirmLabel="Override the gate"
        danger
        onConfirm={confirmOverride}
      >
        <div className="form">
          <div className="form__field">
            <label htmlFor={ids.check}>Failed gate</label>
            <select
              id={ids.check}
              className="select"
              value={overrideCheck}
              onChange={(e) => {
                setOverrideCheck(e.target.value as GateCheck | '');
                if (e.target.value) clearOverrideError('check');
              }}
              aria-invalid={overrideErrors.check?.length ? true : undefined}
              aria-describedby={overrideErrors.check?.length ? ids.checkError : undefined}
            >
              <option value="">Choose a failed gate…</option>
              {overridable.map((check) => (
                <option key={check} value={check}>
                  {gateLabel(check)} — {promotion.gates.find((g) => g.check === check)?.message}
                </option>
              ))}
            </select>
            <FieldError id={ids.checkError} messages={overrideErrors.check ?? []} />
          </div>
          <div className="form__field">
            <label htmlFor={ids.justification}>Justification</label>
            <p id={ids.justificationHint} className="form__hint">
              Why this cannot wait for the gate to pass: at least 10 characters ({justification.trim().length} so far).
            </p>
            <textarea
              id={ids.justification}
              className="textarea decision__textarea"
              rows={3}
              maxLength={2000}
              value={justification}
              onChange={(e) => {
                setJustification(e.target.value);
                if (e.target.value.trim().length >= 10) clearOverrideError('reason');
              }}
              aria-invalid={overrideErrors.reason?.length ? true : undefined}
              aria-describedby={[ids.justificationHint, overrideErrors.reason?.length ? ids.justificationError : undefined].filter(Boolean).join(' ')}
            />
            <FieldError id={ids.justificationError} messages={overrideErrors.reason ?? []} />
          </div>
          <div className="form__field">
            <div className="promotion-checkbox">
              <input
                id={ids.ack}
                type="checkbox"
                checked={acknowledged}
                onChange={(e) => {
                  setAcknowledged(e.target.checked);
                  if (e.target.checked) clearOverrideError('ack');
                }}
                aria-invalid={overrideErrors.ack?.length ? true : undefined}
                aria-describedby={overrideErrors.ack?.length ? ids.ackError : undefined}
              />
              <label htmlFor={ids.ack}>{OVERRIDE_ACK}</label>
            </div>
            <FieldError id={ids.ackError} messages={overrideErrors.ack ?? []} />
          </div>
        </div>
      </ConfirmDialog>
    </section>
  );
}
