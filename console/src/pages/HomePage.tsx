import { useQuery } from '@tanstack/react-query';
import { meQuery } from '../api/queries';
import { Page } from '../components/Page';
import { AcknowledgementsSection } from './home/AcknowledgementsSection';
import { ApprovalsSection } from './home/ApprovalsSection';
import { BreachesSection } from './home/BreachesSection';
import { FailuresSection } from './home/FailuresSection';
import { Greeting } from './home/Greeting';

/**
 * `/`: what needs the signed-in person's attention: (a) promotions waiting for their decision
 * (refreshed every 15 s), breaking changes waiting for their acknowledgement (when any), (b) their
 * teams' products in SLA breach, (c) recent failed or rejected promotions and failed runs of their
 * teams' products.
 */
export default function HomePage() {
  const me = useQuery(meQuery);
  return (
    <Page title="Home" description={<Greeting me={me.data} />}>
      <div className="home">
        <ApprovalsSection />
        <AcknowledgementsSection />
        <BreachesSection />
        <FailuresSection />
      </div>
    </Page>
  );
}
