import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartProps {
  /** What the chart shows, for people who cannot see it. */
  ariaLabel: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
}

/** uPlot in React: created once per `options`, fed new `data` in place, sized to its container. */
export function Chart({ ariaLabel, options, data, height = 240 }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const width = () => Math.max(element.clientWidth, 280);
    const instance = new uPlot({ ...options, width: width(), height }, dataRef.current, element);
    plot.current = instance;
    let observer: ResizeObserver | undefined;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => instance.setSize({ width: width(), height }));
      observer.observe(element);
    }
    return () => {
      observer?.disconnect();
      instance.destroy();
      plot.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return <div ref={container} className="chart" role="img" aria-label={ariaLabel} />;
}
