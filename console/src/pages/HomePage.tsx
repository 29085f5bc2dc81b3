import { ComingSoon, Page } from '../components/Page';

/** `/`: the start page (what needs my attention, recent activity). */
export default function HomePage() {
  return (
    <Page title="Home">
      <ComingSoon />
    </Page>
  );
}
