import type { ReactNode } from 'react';

/** A row of figures: a description list whose terms are the cards' titles. */
export function Cards({ children }: { children: ReactNode }) {
  return <dl className="cards">{children}</dl>;
}

/** One figure of `Cards`: its title, then its value. */
export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="card">
      <dt>{title}</dt>
      <dd>{children}</dd>
    </div>
  );
}
