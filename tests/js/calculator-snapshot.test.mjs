// The engine snapshot's sparse packing (overrides/assets/javascripts/
// calculator-snapshot.mjs): what is unpacked is byte for byte what was
// packed, the zero chunks are not stored, and a damaged copy is refused
// rather than handed to Pyodide as memory.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { packSnapshot, unpackSnapshot } from "../../overrides/assets/javascripts/calculator-snapshot.mjs";

const CHUNK = 16384;

function memory(length, filled) {
  const bytes = new Uint8Array(length);
  for (const [from, to, value] of filled) bytes.fill(value, from, to);
  return bytes;
}

const SHAPES = [
  ["all zeros", memory(4 * CHUNK, [])],
  ["one byte set in the middle", memory(4 * CHUNK, [[2 * CHUNK + 7, 2 * CHUNK + 8, 1]])],
  ["data at both ends", memory(6 * CHUNK, [[0, 10, 9], [6 * CHUNK - 3, 6 * CHUNK, 255]])],
  ["a short last chunk", memory(3 * CHUNK + 1001, [[3 * CHUNK + 1000, 3 * CHUNK + 1001, 5]])],
  ["a length not a multiple of 4", memory(CHUNK + 3, [[CHUNK + 2, CHUNK + 3, 4]])],
  ["no zeros at all", memory(2 * CHUNK, [[0, 2 * CHUNK, 0xab]])],
  ["empty", new Uint8Array(0)],
];

describe("packSnapshot / unpackSnapshot", () => {
  for (const [name, bytes] of SHAPES) {
    test(`round trip: ${name}`, () => {
      assert.deepEqual(unpackSnapshot(packSnapshot(bytes)), bytes);
    });
  }

  test("zero chunks are not stored", () => {
    const bytes = memory(100 * CHUNK, [[5 * CHUNK, 5 * CHUNK + 1, 1], [70 * CHUNK + 9, 70 * CHUNK + 10, 2]]);
    const packed = packSnapshot(bytes);
    assert.ok(packed.length < 3 * CHUNK, `packed ${packed.length} bytes`);
  });

  test("random memory with zero runs survives", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const bytes = new Uint8Array(40 * CHUNK + 123);
    for (let i = 0; i < bytes.length; i += 1) if ((i >> 14) % 3 === 0) bytes[i] = next() & 255;
    assert.deepEqual(unpackSnapshot(packSnapshot(bytes)), bytes);
  });

  const damaged = [
    ["too short", (p) => p.subarray(0, 10)],
    ["wrong magic", (p) => { const q = p.slice(); q[0] = 0x58; return q; }],
    ["truncated data", (p) => p.subarray(0, p.length - 1)],
    ["trailing bytes", (p) => { const q = new Uint8Array(p.length + 1); q.set(p); return q; }],
    ["chunk index out of range", (p) => { const q = p.slice(); new DataView(q.buffer).setUint32(20, 999, true); return q; }],
    ["Pyodide's own format", () => new Uint8Array(4096).fill(7)],
  ];
  for (const [name, damage] of damaged) {
    test(`refused: ${name}`, () => {
      const packed = packSnapshot(memory(3 * CHUNK, [[CHUNK, CHUNK + 5, 3]]));
      assert.throws(() => unpackSnapshot(damage(packed)), /engine snapshot/);
    });
  }
});
