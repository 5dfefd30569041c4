import { Link } from 'wouter';
import { useTitle } from '../hooks/useTitle';

export function NotFoundPage() {
  useTitle('Not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no such page. <Link href="/">Go to the leaderboard</Link>.
      </p>
    </>
  );
}
