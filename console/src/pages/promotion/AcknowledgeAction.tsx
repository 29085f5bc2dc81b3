import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, data } from '../../api/client';
import { DisabledReason } from '../../components/DisabledReason';
import { FieldError, fieldError } from '../../components/FieldError';
import { ProblemView } from '../../components/ProblemView';
import { promotionKeys, type PromotionDetail, type PromotionReceipt } from './queries';

interface AcknowledgeActionProps {
  promotion: PromotionDetail;
  /** Called with the acknowledgement's receipt (the promotion after it, and its audit entry). */
  onReceipt: (label: string, receipt: PromotionReceipt) => void;
}

/**
 * A downstream owner's acknowledgement of the promotion's breaking contract changes, for one of
 * the downstream products the server says the caller may acknowledge for (`actions.acknowledge`),
 * with an optional comment. Shown where the promotion has the breaking-change gate; when the
 * caller may not acknowledge, the button is disabled with the server's reason.
 */
export function AcknowledgeAction({ promotion, onReceipt }: AcknowledgeActionProps) {
  const { id, actions } = promotion;
  const check = actions.acknowledge;
  const queryClient = useQueryClient();
  const ids = { heading: useId(), product: useId(), productError: useId(), comment: useId(), commentHint: useId(), commentError: useId() };
  const [chosen, setChosen] = useState('');
  const [comment, setComment] = useState('');
  const downstream = check.products.length === 1 ? check.products[0]! : chosen;

  const acknowledge = useMutation({
    mutationFn: () => data(api.POST('/api/v1/promotions/{id}/acknowledgements', { params: { path: { id } }, body: { downstream, comment } })),
    onSuccess: async (receipt) => {
      setComment('');
      setChosen('');
      onReceipt(`Acknowledged for ${downstream}`, receipt);
      await queryClient.invalidateQueries({ queryKey: promotionKeys.all });
    },
  });

  if (!check.allowed && !promotion.gates.some((g) => g.check === 'breakingChangesAcknowledged')) return null;
  const productField = fieldError(acknowledge.error, 'downstream', ids.productError);
  const commentField = fieldError(acknowledge.error, 'comment', ids.commentError, ids.commentHint);
  const refusal = check.allowed ? (downstream ? null : 'Choose the downstream product you acknowledge for.') : (check.reason ?? 'Not allowed.');

  return (
    <section className="decision acknowledge" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="decision__heading">
        Breaking changes
      </h2>
      <div className="form decision__form">
        {check.products.length > 1 && (
          <div className="form__field">
            <label htmlFor={ids.product}>Downstream product</label>
            <select id={ids.product} className="select" value={chosen} onChange={(e) => setChosen(e.target.value)} {...productField.inputProps}>
              <option value="">Choose a product…</option>
              {check.products.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            <FieldError {...productField} />
          </div>
        )}
        {check.products.length === 1 && (
          <>
            <p className="form__hint">
              You acknowledge for <code>{downstream}</code>.
            </p>
            <FieldError {...productField} />
          </>
        )}
        {check.allowed && (
          <div className="form__field">
            <label htmlFor={ids.comment}>Acknowledgement comment</label>
            <p id={ids.commentHint} className="form__hint">
              Optional: what the downstream product does about the change.
            </p>
            <textarea id={ids.comment} className="textarea decision__textarea" rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} {...commentField.inputProps} />
            <FieldError {...commentField} />
          </div>
        )}
        <div className="decision__buttons">
          <DisabledReason className="button button--primary" reason={refusal} onClick={() => !acknowledge.isPending && acknowledge.mutate()} aria-busy={acknowledge.isPending || undefined}>
            {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge breaking changes'}
          </DisabledReason>
        </div>
        <ProblemView error={acknowledge.error} fieldsShownInline={['downstream', 'comment']} headingLevel={3} />
      </div>
    </section>
  );
}
