// The calculators' engine snapshot on disk: a copy of Pyodide's memory,
// kept in Cache Storage so that a repeat visit restores Python instead of
// starting it (calculator-worker.mjs decides when).
//
// Stored sparse: more than half of the 30 MB is zero pages, and reading the
// copy back from Cache Storage is what a repeat visit waits for, so only the
// chunks that hold data are written. Layout (little-endian):
//   "CSSNAP01"  8 bytes
//   u32 total length, u32 chunk size, u32 number of chunks kept
//   u32 index of each kept chunk
//   the kept chunks' bytes, in that order (the last chunk may be short)

const MAGIC = "CSSNAP01";
const CHUNK = 16384;
const HEADER = 8 + 12;

export const CACHE_NAME = "cs-engine-v1";
const KEY_HEADER = "x-cs-engine";

function chunkHasData(words, from, to) {
  for (let i = from; i < to; i++) if (words[i] !== 0) return true;
  return false;
}

export function packSnapshot(bytes) {
  const total = bytes.length;
  const count = Math.ceil(total / CHUNK);
  const whole = total - (total % 4);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, whole / 4);
  const kept = [];
  for (let c = 0; c < count; c++) {
    const start = c * CHUNK;
    const end = Math.min(start + CHUNK, total);
    const wordsEnd = Math.min(end, whole) / 4;
    let data = chunkHasData(words, start / 4, wordsEnd);
    for (let i = wordsEnd * 4; !data && i < end; i++) data = bytes[i] !== 0;   // a tail of 1-3 bytes
    if (data) kept.push(c);
  }
  const dataBytes = kept.reduce((sum, c) => sum + Math.min(CHUNK, total - c * CHUNK), 0);
  const out = new Uint8Array(HEADER + 4 * kept.length + dataBytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, total, true);
  view.setUint32(12, CHUNK, true);
  view.setUint32(16, kept.length, true);
  let at = HEADER;
  for (const c of kept) { view.setUint32(at, c, true); at += 4; }
  for (const c of kept) {
    const chunk = bytes.subarray(c * CHUNK, Math.min((c + 1) * CHUNK, total));
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// Throws on anything that is not a whole packed snapshot, so that a damaged
// copy is never handed to Pyodide as if it were memory.
export function unpackSnapshot(packed) {
  const fail = (why) => { throw new Error(`engine snapshot: ${why}`); };
  if (packed.length < HEADER) fail("too short");
  for (let i = 0; i < MAGIC.length; i++) if (packed[i] !== MAGIC.charCodeAt(i)) fail("not a snapshot");
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const total = view.getUint32(8, true);
  const chunk = view.getUint32(12, true);
  const count = view.getUint32(16, true);
  if (!chunk || HEADER + 4 * count > packed.length) fail("bad header");
  const out = new Uint8Array(total);
  let at = HEADER + 4 * count;
  let previous = -1;
  for (let k = 0; k < count; k++) {
    const c = view.getUint32(HEADER + 4 * k, true);
    const start = c * chunk;
    if (c <= previous || start >= total) fail("bad chunk index");
    previous = c;
    const length = Math.min(chunk, total - start);
    if (at + length > packed.length) fail("truncated");
    out.set(packed.subarray(at, at + length), start);
    at += length;
  }
  if (at !== packed.length) fail("trailing bytes");
  return out;
}

// What a snapshot must match: this Pyodide and this exact package.
export async function snapshotKey(archiveBytes, pyodideVersion) {
  const digest = await crypto.subtle.digest("SHA-256", archiveBytes);
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return `pyodide ${pyodideVersion}; calculators.zip ${hex.slice(0, 32)}`;
}

// Resolves to {bytes: Promise<Uint8Array>} when a snapshot with this key is
// stored, else null (a stored one with another key is dropped). The bytes
// are still being read and unpacked when it resolves; that promise rejects
// if the copy is damaged.
export async function readSnapshot(keyUrl, key, onRead) {
  const cache = await caches.open(CACHE_NAME);
  const hit = await cache.match(keyUrl);
  if (!hit) return null;
  if (hit.headers.get(KEY_HEADER) !== key) {
    dropSnapshot(keyUrl);
    return null;
  }
  const bytes = hit.arrayBuffer().then((buffer) => {
    if (onRead) onRead();
    return unpackSnapshot(new Uint8Array(buffer));
  });
  bytes.catch(() => {});
  return { bytes };
}

export async function writeSnapshot(keyUrl, key, memory) {
  const cache = await caches.open(CACHE_NAME);
  await cache.put(keyUrl, new Response(packSnapshot(memory), {
    headers: { "content-type": "application/octet-stream", [KEY_HEADER]: key },
  }));
}

export function dropSnapshot(keyUrl) {
  caches.open(CACHE_NAME).then((cache) => cache.delete(keyUrl)).catch(() => {});
}
