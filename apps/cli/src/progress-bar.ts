import cliProgress from 'cli-progress';

/**
 * The progress bar of every command that shows one (cli-progress on a terminal's stream, standard
 * error): `format` names what moves (`{bar} {percentage}% | {value}/{total} events`, and any payload
 * fields); the cursor hidden while it runs, the bar cleared when it completes. Start it with
 * `bar.start(total, value, payload)`.
 */
export function progressBar(stream: NodeJS.WritableStream, format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    { stream, format, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
}
