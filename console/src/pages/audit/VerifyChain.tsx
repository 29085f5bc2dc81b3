import { useMutation } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { ProblemView } from '../../components/ProblemView';
import { VerifyResult, type VerifyReport } from './VerifyResult';

/** `GET /api/v1/audit/verify`, run when asked (it reads the whole trail). */
export function useVerifyChain() {
  return useMutation({
    mutationKey: ['audit', 'verify'],
    mutationFn: async (): Promise<{ report: VerifyReport; verifiedAt: Date }> => {
      const report = await data(api.GET('/api/v1/audit/verify'));
      return { report, verifiedAt: new Date() };
    },
  });
}

export type VerifyChainState = ReturnType<typeof useVerifyChain>;

/** The "Verify chain" button (in the page's header). */
export function VerifyChainButton({ verify }: { verify: VerifyChainState }) {
  return (
    // aria-disabled, not disabled, while it runs: the button keeps the keyboard focus
    <button
      type="button"
      className="button button--primary"
      onClick={() => !verify.isPending && verify.mutate()}
      aria-disabled={verify.isPending || undefined}
      aria-busy={verify.isPending || undefined}
    >
      {verify.isPending ? 'Verifying the chain…' : 'Verify chain'}
    </button>
  );
}

/** What the last verification said: the result, or the problem. */
export function VerifyChainResult({ verify }: { verify: VerifyChainState }) {
  if (verify.isError) return <ProblemView error={verify.error} onRetry={() => verify.mutate()} />;
  if (!verify.data) return null;
  return <VerifyResult report={verify.data.report} verifiedAt={verify.data.verifiedAt} />;
}
