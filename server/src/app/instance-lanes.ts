/**
 * One lane per application: the commands this process sends to one instance
 * run one after another. Parallel departments completing their tasks of the
 * same application at the same moment would otherwise all read the same
 * revision and all but one lose the engine's revision check (with group
 * commit, they share a transaction and certainly do). Other processes on the
 * same database are still caught by that check, and the caller retries.
 */
export class InstanceLanes {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(instanceId: string, action: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(instanceId) ?? Promise.resolve();
    const result = previous.then(action, action);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(instanceId, tail);
    // The last one out clears the lane, so the map holds only busy instances.
    void tail.then(() => {
      if (this.tails.get(instanceId) === tail) this.tails.delete(instanceId);
    });
    return result;
  }
}
