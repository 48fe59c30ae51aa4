/**
 * The document cache (CacheService), for the computed credit picture that custom functions share.
 * A value may be at most 100 KB, so large values are split into chunks written and read in one
 * call each (putAll, getAll).
 */

/** Characters per chunk: 100 KB even when every character takes three UTF-8 bytes. */
const CHUNK = 30_000;

export function cachePutLarge(key: string, value: string, ttlSeconds: number): void {
  const cache = CacheService.getDocumentCache();
  if (!cache) return;
  const parts: Record<string, string> = {};
  const count = Math.ceil(value.length / CHUNK) || 1;
  for (let i = 0; i < count; i++) parts[`${key}:${i}`] = value.slice(i * CHUNK, (i + 1) * CHUNK);
  parts[key] = String(count);
  try {
    cache.putAll(parts, ttlSeconds);
  } catch {
    // Too large for the cache altogether: the next reader recomputes. Nothing is lost.
  }
}

export function cacheGetLarge(key: string, maxChunks = 100): string | null {
  const cache = CacheService.getDocumentCache();
  if (!cache) return null;
  const keys = [key];
  for (let i = 0; i < maxChunks; i++) keys.push(`${key}:${i}`);
  const found = cache.getAll(keys);
  const count = Number(found[key]);
  if (!Number.isInteger(count) || count < 1) return null;
  let value = '';
  for (let i = 0; i < count; i++) {
    const part = found[`${key}:${i}`];
    if (part === undefined) return null;
    value += part;
  }
  return value;
}
