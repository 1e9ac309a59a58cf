/* An LZMA decoder for the app's WebAssembly module (the .lzma "alone"
 * format that Python's lzma and xz write), after the reference decoder of
 * the LZMA SDK (LzmaSpec.cpp, public domain). The module is compressed
 * with LZMA rather than gzip because it is about a fifth smaller, and the
 * page must stay under 800 KB gzipped (SPEC §12). assemble.mjs decodes
 * every build with this very function and compares the bytes, so a wrong
 * decoder fails the build, never the page.
 *
 * natverkLzmaDecode(input: Uint8Array, size: number) -> Uint8Array
 */
function natverkLzmaDecode(input, size) {
  'use strict';
  let inPos = 0;
  const next = () => {
    if (inPos >= input.length) throw new Error('lzma: the data ends early');
    return input[inPos++];
  };
  // header: properties, dictionary size, unpacked size (8 bytes, ignored:
  // the caller knows the size)
  let d = next();
  if (d >= 9 * 5 * 5) throw new Error('lzma: bad properties');
  const lc = d % 9;
  d = (d / 9) | 0;
  const lp = d % 5;
  const pb = (d / 5) | 0;
  let dictSize = 0;
  for (let i = 0; i < 4; i++) dictSize += next() * 2 ** (8 * i);
  inPos += 8;

  const out = new Uint8Array(size);
  let pos = 0;

  // the range decoder (32-bit unsigned arithmetic by >>> 0)
  let range = 0xffffffff;
  let code = 0;
  if (next() !== 0) throw new Error('lzma: bad stream start');
  for (let i = 0; i < 4; i++) code = ((code << 8) | next()) >>> 0;
  if (code === range) throw new Error('lzma: bad stream start');
  const TOP = 1 << 24;
  const normalize = () => {
    if (range < TOP) {
      range = (range * 256) >>> 0;
      code = ((code << 8) | next()) >>> 0;
    }
  };
  const bit = (probs, i) => {
    const p = probs[i];
    const bound = ((range >>> 11) * p) >>> 0;
    let b;
    if (code < bound) {
      probs[i] = p + ((2048 - p) >>> 5);
      range = bound;
      b = 0;
    } else {
      probs[i] = p - (p >>> 5);
      code = (code - bound) >>> 0;
      range = (range - bound) >>> 0;
      b = 1;
    }
    normalize();
    return b;
  };
  const direct = (numBits) => {
    let res = 0;
    for (; numBits > 0; numBits--) {
      range >>>= 1;
      let b = 0;
      if (code >= range) {
        code = (code - range) >>> 0;
        b = 1;
      }
      res = ((res << 1) | b) >>> 0;
      normalize();
    }
    return res;
  };
  const probs = (n) => new Uint16Array(n).fill(1024);
  const tree = (p, base, numBits) => {
    let m = 1;
    for (let i = 0; i < numBits; i++) m = (m << 1) + bit(p, base + m);
    return m - (1 << numBits);
  };
  const reverse = (p, base, numBits) => {
    let m = 1;
    let sym = 0;
    for (let i = 0; i < numBits; i++) {
      const b = bit(p, base + m);
      m = (m << 1) + b;
      sym |= b << i;
    }
    return sym;
  };
  const lenDecoder = () => ({
    choice: probs(2),
    low: probs(16 << 3),
    mid: probs(16 << 3),
    high: probs(256),
  });
  const decodeLen = (l, posState) => {
    if (bit(l.choice, 0) === 0) return tree(l.low, posState << 3, 3);
    if (bit(l.choice, 1) === 0) return 8 + tree(l.mid, posState << 3, 3);
    return 16 + tree(l.high, 0, 8);
  };

  const literal = probs(0x300 << (lc + lp));
  const posSlot = probs(4 << 6);
  const posDecoders = probs(1 + 114);
  const align = probs(16);
  const isMatch = probs(12 << 4);
  const isRep = probs(12);
  const isRepG0 = probs(12);
  const isRepG1 = probs(12);
  const isRepG2 = probs(12);
  const isRep0Long = probs(12 << 4);
  const lenDec = lenDecoder();
  const repLenDec = lenDecoder();

  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  const back = (dist) => out[pos - dist - 1];

  while (pos < size) {
    const posState = pos & pbMask;
    if (bit(isMatch, (state << 4) + posState) === 0) {
      const prev = pos > 0 ? out[pos - 1] : 0;
      const base = 0x300 * (((pos & lpMask) << lc) + (prev >>> (8 - lc)));
      let sym = 1;
      if (state >= 7) {
        let matchByte = back(rep0);
        do {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const b = bit(literal, base + ((1 + matchBit) << 8) + sym);
          sym = (sym << 1) | b;
          if (matchBit !== b) break;
        } while (sym < 0x100);
      }
      while (sym < 0x100) sym = (sym << 1) | bit(literal, base + sym);
      out[pos++] = sym - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (bit(isRep, state) !== 0) {
      if (pos === 0) throw new Error('lzma: a repeat before any data');
      if (bit(isRepG0, state) === 0) {
        if (bit(isRep0Long, (state << 4) + posState) === 0) {
          state = state < 7 ? 9 : 11;
          out[pos] = back(rep0);
          pos++;
          continue;
        }
      } else {
        let dist;
        if (bit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (bit(isRepG2, state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = decodeLen(repLenDec, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = decodeLen(lenDec, posState);
      state = state < 7 ? 7 : 10;
      // the distance
      const slot = tree(posSlot, (len < 3 ? len : 3) << 6, 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const numDirect = (slot >>> 1) - 1;
        let dist = ((2 | (slot & 1)) << numDirect) >>> 0;
        if (slot < 14) {
          dist += reverse(posDecoders, dist - slot, numDirect);
        } else {
          dist = (dist + ((direct(numDirect - 4) << 4) >>> 0)) >>> 0;
          dist = (dist + reverse(align, 0, 4)) >>> 0;
        }
        rep0 = dist;
      }
      if (rep0 === 0xffffffff) break; // the end marker
      if (rep0 >= dictSize || rep0 >= pos) throw new Error('lzma: a distance out of range');
    }
    len += 2;
    if (pos + len > size) throw new Error('lzma: more data than announced');
    for (; len > 0; len--) {
      out[pos] = back(rep0);
      pos++;
    }
  }
  if (pos !== size) throw new Error('lzma: less data than announced');
  return out;
}
