/** The document lock: one scheduled run (or send) per document at a time. */

export interface HeldLock {
  release(): void;
}

/** Takes the document lock without waiting; null when another execution holds it. */
export function tryDocumentLock(waitMs = 0): HeldLock | null {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) return null;
  return { release: () => lock.releaseLock() };
}
