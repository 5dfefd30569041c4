import type uPlot from 'uplot';

export interface FakePlot {
  options: uPlot.Options;
  data: uPlot.AlignedData;
  destroyed: boolean;
}

/** Every plot made since the last reset, as the Chart component gave it its options and data. */
export const plots: FakePlot[] = [];

class FakeUPlot {
  private readonly record: FakePlot;
  constructor(options: uPlot.Options, data: uPlot.AlignedData, target: HTMLElement) {
    this.record = { options, data, destroyed: false };
    plots.push(this.record);
    const canvas = document.createElement('canvas');
    target.appendChild(canvas);
  }
  setData(data: uPlot.AlignedData): void {
    this.record.data = data;
  }
  setSize(): void {}
  destroy(): void {
    this.record.destroyed = true;
  }
}

export const uplotModule = { default: FakeUPlot };
