import { isRetriableCause } from './kafka-errors.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again every 100 ms while it fails with what a broker answers transiently, e.g. right
 * after a topic is created (UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE, NOT_LEADER_OR_FOLLOWER
 * while the new leader takes its partitions), until `deadline` (epoch ms); any other error at once.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, deadline: number): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetriableCause(error) || Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}
