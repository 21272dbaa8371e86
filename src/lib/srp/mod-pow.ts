// Modular exponentiation on BigInt, fast enough for 3072-bit SRP in the browser and in Node. A left-to-right
// sliding window (window w: 2^(w-1) odd powers precomputed) cuts the multiplications to about bits/(w+1); the
// squarings remain, one per exponent bit, and dominate. For the generator g = 2 multiplying is a shift, so there
// only the squarings count: the pool's own exponents (x of a verifier, its secret b: 256 bits each) use a
// fixed-base comb instead (Lim and Lee, 1994), 32 squarings and 32 products from a 256-entry table built once.
// Figures from this machine are in srp.bench.ts.

/** The window for an exponent of this many bits (the usual table: larger exponents amortise a larger table). */
function windowFor(bits: number): number {
  if (bits <= 24) return 1;
  if (bits <= 80) return 3;
  if (bits <= 240) return 4;
  if (bits <= 672) return 5;
  return 6;
}

/** The exponent's bits, most significant first. */
const bitsOf = (exponent: bigint): string => exponent.toString(2);

/** base^exponent mod modulus for non-negative exponents and a modulus above 1. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus <= 1n) throw new RangeError('modPow: the modulus must be above 1');
  if (exponent < 0n) throw new RangeError('modPow: negative exponent');
  const b = ((base % modulus) + modulus) % modulus;
  if (exponent === 0n) return 1n;
  if (b === 2n && modulus === combModulus && exponent < 1n << BigInt(COMB_ROWS * COMB_COLUMNS)) return combPowerOfTwo(exponent);
  if (b === 2n) return powerOfTwo(exponent, modulus);
  const bits = bitsOf(exponent);
  const w = windowFor(bits.length);
  // odd[i] = b^(2i+1)
  const odd: bigint[] = [b];
  const square = (b * b) % modulus;
  for (let i = 1; i < 1 << (w - 1); i++) odd.push((odd[i - 1]! * square) % modulus);

  let result = 1n;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      result = (result * result) % modulus;
      i++;
      continue;
    }
    // The longest window of at most w bits starting here that ends in a 1.
    let end = Math.min(i + w, bits.length);
    while (bits[end - 1] === '0') end--;
    const value = parseInt(bits.slice(i, end), 2);
    for (let k = i; k < end; k++) result = (result * result) % modulus;
    result = (result * odd[(value - 1) >> 1]!) % modulus;
    i = end;
  }
  return result;
}

/** 2^exponent mod modulus: fixed windows of w bits, where multiplying by 2^chunk is a shift and one reduction. */
function powerOfTwo(exponent: bigint, modulus: bigint): bigint {
  const w = 6;
  const bits = bitsOf(exponent);
  const lead = bits.length % w || w;
  // The leading chunk needs no reduction at all.
  let result = (1n << BigInt(parseInt(bits.slice(0, lead), 2))) % modulus;
  for (let i = lead; i < bits.length; i += w) {
    for (let k = 0; k < w; k++) result = (result * result) % modulus;
    const chunk = parseInt(bits.slice(i, i + w), 2);
    if (chunk !== 0) result = (result << BigInt(chunk)) % modulus;
  }
  return result;
}

// The comb: exponent bits in COMB_ROWS rows of COMB_COLUMNS; table[s] = Π over the rows j in s of 2^(2^(j·columns)).
const COMB_ROWS = 8;
const COMB_COLUMNS = 32;
let combModulus: bigint | undefined;
let combTable: bigint[] = [];

/** Builds the comb's table for 2 modulo `modulus` (once; the SRP group is the only one that asks). */
export function prepareFixedBase(modulus: bigint): void {
  if (combModulus === modulus) return;
  const rows: bigint[] = [2n % modulus];
  for (let j = 1; j < COMB_ROWS; j++) {
    let row = rows[j - 1]!;
    for (let k = 0; k < COMB_COLUMNS; k++) row = (row * row) % modulus;
    rows.push(row);
  }
  const table: bigint[] = [1n];
  for (let s = 1; s < 1 << COMB_ROWS; s++) {
    const low = Math.log2(s & -s);
    table.push((table[s & (s - 1)]! * rows[low]!) % modulus);
  }
  combTable = table;
  combModulus = modulus;
}

function combPowerOfTwo(exponent: bigint): bigint {
  const modulus = combModulus!;
  const bits = exponent.toString(2).padStart(COMB_ROWS * COMB_COLUMNS, '0');
  let result = 1n;
  for (let i = 0; i < COMB_COLUMNS; i++) {
    result = (result * result) % modulus;
    // Column i, most significant first: bit i of every row, row j weighing 2^j.
    let index = 0;
    for (let j = 0; j < COMB_ROWS; j++) if (bits[(COMB_ROWS - 1 - j) * COMB_COLUMNS + i] === '1') index |= 1 << j;
    if (index !== 0) result = (result * combTable[index]!) % modulus;
  }
  return result;
}

/** The textbook square-and-multiply, kept as the reference the windowed forms are tested and measured against. */
export function modPowBinary(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const b = ((base % modulus) + modulus) % modulus;
  let result = 1n;
  for (const bit of bitsOf(exponent)) {
    result = (result * result) % modulus;
    if (bit === '1') result = (result * b) % modulus;
  }
  return exponent === 0n ? 1n % modulus : result;
}
