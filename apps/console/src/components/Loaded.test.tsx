import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { Loaded } from './Loaded';

const notFound = new ApiError(404, 'Not Found', 'The archive holds nothing of this contact.', null);
const down = new ApiError(503, 'Service Unavailable', 'The archive is not reachable.', null);

describe('Loaded', () => {
  it('announces loading politely', () => {
    render(
      <Loaded state={{ status: 'loading' }} loading="Loading the keys…">
        {() => 'data'}
      </Loaded>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading the keys…');
    expect(screen.queryByText('data')).not.toBeInTheDocument();
  });

  it('shows the data', () => {
    render(<Loaded state={{ status: 'ok', data: 3 }}>{(n) => `${n} keys`}</Loaded>);
    expect(screen.getByText('3 keys')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows the problem detail as an alert, and the last data under it after a failed refresh', () => {
    render(<Loaded state={{ status: 'error', error: down, data: 3 }}>{(n) => `${n} keys`}</Loaded>);
    expect(screen.getByRole('alert')).toHaveTextContent('The archive is not reachable.');
    expect(screen.getByText('3 keys')).toBeInTheDocument();
  });

  it('says `missing` calmly for a 404, and only for a 404', () => {
    const { rerender } = render(
      <Loaded state={{ status: 'error', error: notFound }} missing="Nothing archived yet.">
        {() => 'data'}
      </Loaded>,
    );
    expect(screen.getByText('Nothing archived yet.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    rerender(
      <Loaded state={{ status: 'error', error: down }} missing="Nothing archived yet.">
        {() => 'data'}
      </Loaded>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The archive is not reachable.');
  });
});
