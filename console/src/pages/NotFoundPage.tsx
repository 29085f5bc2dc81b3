import { NotFound } from '../components/NotFound';

/** Any path of the console no route matches. */
export default function NotFoundPage() {
  return <NotFound />;
}
